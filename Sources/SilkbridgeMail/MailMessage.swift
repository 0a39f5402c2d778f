import Foundation

/// One message to one or more recipients, checked when made so that rendering and sending it cannot fail on
/// its content.
public struct MailMessage: Sendable, Hashable {
    public let from: MailAddress
    public let to: [MailAddress]
    public let subject: String
    public let text: String
    public let html: String?
    public let attachments: [MailAttachment]
    public let extraHeaders: [MailHeader]
    /// Without angle brackets, e.g. `6f1c…@silkbridge.example`.
    public let messageID: String
    public let date: Date

    /// - Parameter messageID: when nil, a random one in the sender's domain.
    public init(
        from: MailAddress,
        to: [MailAddress],
        subject: String,
        text: String,
        html: String? = nil,
        attachments: [MailAttachment] = [],
        extraHeaders: [(name: String, value: String)] = [],
        messageID: String? = nil,
        date: Date = Date()
    ) throws(MailError) {
        guard !to.isEmpty else {
            throw MailError("a message needs at least one recipient")
        }
        if TextChecks.containsControlCharacter(subject) {
            throw MailError("the subject contains a control character")
        }
        var headers: [MailHeader] = []
        for (name, value) in extraHeaders {
            headers.append(try MailHeader(name: name, value: value))
        }
        let messageID = messageID ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
        try Self.validate(messageID: messageID)
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.extraHeaders = headers
        self.messageID = messageID
        self.date = date
    }

    /// The envelope and the headers carry UTF-8 addresses as they are, which a server must agree to.
    public var requiresSMTPUTF8: Bool {
        from.requiresSMTPUTF8 || to.contains { $0.requiresSMTPUTF8 }
    }

    /// The message as it goes over the wire, with fresh random MIME boundaries.
    public func rendered() -> Data {
        MIMEWriter().render(self)
    }

    private static func validate(messageID: String) throws(MailError) {
        let sides = messageID.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = Set("<>()[]\\\",;: ".utf8)
        guard sides.count == 2, sides.allSatisfy({ !$0.isEmpty }), messageID.utf8.count <= 250,
            messageID.utf8.allSatisfy({ (0x21...0x7E).contains($0) && !forbidden.contains($0) })
        else {
            throw MailError("'\(messageID)' is not a message ID of the form unique@domain (without angle brackets)")
        }
    }
}
