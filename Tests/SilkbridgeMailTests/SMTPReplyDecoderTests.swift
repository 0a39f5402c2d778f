import NIOCore
import NIOEmbedded
import Testing

@testable import SilkbridgeMail

@Suite struct SMTPReplyDecoderTests {
    private func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
        return channel
    }

    private func write(_ text: String, to channel: EmbeddedChannel) throws {
        try channel.writeInbound(ByteBuffer(string: text))
    }

    @Test func readsAMultiLineReplyArrivingInPieces() throws {
        let channel = try channel()
        try write("250-mail.example.com greets you\r\n250-SIZE 1000", to: channel)
        #expect(try channel.readInbound(as: SMTPReply.self) == nil)
        try write("0\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n", to: channel)
        let reply = try #require(try channel.readInbound(as: SMTPReply.self))
        #expect(reply.code == 250)
        #expect(reply.lines == ["mail.example.com greets you", "SIZE 10000", "AUTH PLAIN LOGIN", "STARTTLS"])
        let extensions = SMTPExtensions(ehlo: reply)
        #expect(extensions.startTLS && !extensions.smtpUTF8 && extensions.size)
        #expect(extensions.sizeLimit == 10000)
        #expect(extensions.authMechanisms == ["PLAIN", "LOGIN"])
    }

    @Test func readsBareCodesAndLFOnlyLines() throws {
        let channel = try channel()
        try write("220\n", to: channel)
        #expect(try channel.readInbound(as: SMTPReply.self) == SMTPReply(code: 220, lines: [""]))
    }

    @Test func blanksControlCharactersInTheText() throws {
        let channel = try channel()
        try write("550 no\u{1B}[31m such user\r\n", to: channel)
        #expect(try channel.readInbound(as: SMTPReply.self)?.summary == "550 no [31m such user")
    }

    @Test(arguments: ["hello\r\n", "25 short\r\n", "250-a\r\n251 b\r\n", "250+x\r\n", "650 no\r\n"])
    func refusesWhatIsNotAReply(_ text: String) throws {
        let channel = try channel()
        #expect(throws: SMTPConnectionError.self) { try write(text, to: channel) }
    }

    @Test func refusesBytesBeyondTheReplyThatWasAskedFor() throws {
        // What a man in the middle would slip in after "220 Go ahead" to STARTTLS, to be read as if encrypted.
        let channel = try channel()
        #expect(throws: SMTPConnectionError.self) { try write("220 Go ahead\r\n250 AUTH PLAIN\r\n", to: channel) }
        #expect(try channel.readInbound(as: SMTPReply.self) == nil)
    }

    @Test func refusesEndlessLines() throws {
        let channel = try channel()
        #expect(throws: SMTPConnectionError.self) {
            try write("250 " + String(repeating: "x", count: SMTPReplyDecoder.longestLine + 1), to: channel)
        }
    }

    @Test func readsTheOldAUTHEqualsForm() {
        let extensions = SMTPExtensions(
            ehlo: SMTPReply(
                code: 250, lines: ["hi", "AUTH=LOGIN", "auth login cram-md5", "SMTPUTF8", "8BITMIME", "SIZE"]))
        #expect(extensions.authMechanisms == ["LOGIN", "CRAM-MD5"])
        #expect(extensions.smtpUTF8 && extensions.eightBitMIME && extensions.size)
        #expect(extensions.sizeLimit == nil)
    }

    @Test func trimsLongSummaries() {
        let reply = SMTPReply(code: 554, lines: [String(repeating: "y", count: 500)])
        #expect(reply.summary.count == SMTPReply.longestSummary + 1)
    }
}
