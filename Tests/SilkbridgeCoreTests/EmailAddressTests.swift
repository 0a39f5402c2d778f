import Testing

@testable import SilkbridgeCore

@Suite struct EmailAddressTests {
    @Test(arguments: ["anna@example.eu", "li.wei+silk@mail.example.cn", "a@b.co"])
    func acceptsPlainAddresses(email: String) {
        #expect(EmailAddress.isValid(email))
    }

    @Test(arguments: [
        "", "no-at-sign", "two@@example.com", "@example.com", "anna@", "anna@localhost", "anna@exa mple.com",
        "an na@example.com", "anna@.example.com", "anna@example..com", "\u{0}@example.com", ".anna@example.com",
        "anna.@example.com", "an..na@example.com", "anna@-example.com", "anna@example-.com", "anna@example.com.",
        String(repeating: "a", count: 65) + "@example.com",
    ])
    func rejectsMalformedAddresses(email: String) {
        #expect(!EmailAddress.isValid(email))
    }

    @Test func normalizesCaseAndSpaces() {
        #expect(EmailAddress.normalize("  Anna@Example.EU ") == "anna@example.eu")
    }
}
