/// A header beyond the ones every message gets, such as `List-Unsubscribe`.
public struct MailHeader: Sendable, Hashable {
    public let name: String
    public let value: String

    /// Headers the writer produces itself: a second copy would leave readers to pick one.
    static let reserved: Set<String> = [
        "bcc", "content-disposition", "content-transfer-encoding", "content-type", "date", "from", "message-id",
        "mime-version", "subject", "to",
    ]

    /// No line may pass 998 characters, and a header is folded only at its spaces.
    static let longestWord = 900

    init(name: String, value: String) throws(MailError) {
        let nameIsFieldName =
            !name.isEmpty && name.utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ":") }
        guard nameIsFieldName else {
            throw MailError("'\(name)' is not a valid header name")
        }
        guard !Self.reserved.contains(name.lowercased()) else {
            throw MailError("the \(name) header is written from the message itself and cannot be added")
        }
        guard value.utf8.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x09 }) else {
            throw MailError("the value of the \(name) header must be one line of ASCII text")
        }
        guard value.split(whereSeparator: { $0 == " " || $0 == "\t" }).allSatisfy({ $0.count <= Self.longestWord })
        else {
            throw MailError("the value of the \(name) header has a word too long to fit on a line")
        }
        self.name = name
        self.value = value
    }
}
