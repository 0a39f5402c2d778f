import SilkbridgeMail
import Testing

@Suite struct MailAddressTests {
    @Test(arguments: ["a@b.co", "first.last+tag@mail.example.org", "o'brien@example.ie", "x_y-z@sub-1.example.com"])
    func acceptsAddresses(_ address: String) throws {
        let mailbox = try MailAddress(address)
        #expect(mailbox.address == address)
        #expect(!mailbox.requiresSMTPUTF8)
    }

    @Test func acceptsUTF8LocalPartsAndNeedsSMTPUTF8ForThem() throws {
        let mailbox = try MailAddress("用户.张@example.com", name: "张伟")
        #expect(mailbox.requiresSMTPUTF8)
        #expect(mailbox.localPart == "用户.张")
        #expect(mailbox.domain == "example.com")
        #expect(mailbox.name == "张伟")
    }

    @Test func anEmptyNameIsNoName() throws {
        #expect(try MailAddress("a@b.co", name: "").name == nil)
    }

    @Test(arguments: [
        "", "plain", "@example.com", "user@", "user@localhost", "user name@example.com", "<user@example.com>",
        "user@example.com>", "user@@example.com", "a@b@example.com", "user@example..com", ".user@example.com",
        "user.@example.com", "us..er@example.com", "user@-example.com", "user@example-.com", "user@exa_mple.com",
        "user@[127.0.0.1]", "\"quoted\"@example.com", "user@例子.测试", "user\u{3000}x@example.com",
    ])
    func refusesMalformedAddresses(_ address: String) {
        #expect(throws: MailError.self) { try MailAddress(address) }
    }

    @Test(arguments: [
        "user@example.com\r\nBcc: victim@example.org", "user@example.com\n", "user@example.com\r",
        "us\u{0}er@example.com",
        "user\u{85}@example.com", "user@example.com\u{2028}", "\tuser@example.com",
    ])
    func refusesControlCharactersInAddresses(_ address: String) {
        #expect(throws: MailError.self) { try MailAddress(address) }
    }

    @Test(arguments: [
        "Eve\r\nBcc: victim@example.org", "Eve\n", "Eve\u{0}", "Eve\u{1B}[31m", "Eve\u{2029}", "Eve\u{7F}",
    ])
    func refusesControlCharactersInNames(_ name: String) {
        #expect(throws: MailError.self) { try MailAddress("eve@example.com", name: name) }
    }
}
