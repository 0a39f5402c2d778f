/// What the server's EHLO reply offers, as far as this client uses it.
struct SMTPExtensions: Sendable, Hashable {
    var startTLS = false
    var smtpUTF8 = false
    var eightBitMIME = false
    var authMechanisms: Set<String> = []
    /// Whether the server takes `SIZE=` in MAIL FROM.
    var size = false
    /// The largest message the server accepts; nil when it named no limit.
    var sizeLimit: Int?

    init() {}

    init(ehlo reply: SMTPReply) {
        // The first line greets; each further line names one extension and its parameters.
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS": startTLS = true
            case "SMTPUTF8": smtpUTF8 = true
            case "8BITMIME": eightBitMIME = true
            case "SIZE":
                size = true
                sizeLimit = words.dropFirst().first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            case "AUTH":
                authMechanisms.formUnion(words.dropFirst())
            case let old where old.hasPrefix("AUTH="):
                // The pre-standard form some servers still send beside the real one.
                authMechanisms.insert(String(old.dropFirst("AUTH=".count)))
                authMechanisms.formUnion(words.dropFirst())
            default: break
            }
        }
    }
}
