/// One reply of the server: a three-digit code and the text of each of its lines.
struct SMTPReply: Sendable, Hashable {
    static let longestSummary = 200

    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<300).contains(code) }

    /// Code and text on one line, cut to a length that reads well in a log or an error.
    var summary: String {
        let text = lines.joined(separator: " ").trimmingWhitespace
        let full = text.isEmpty ? "\(code)" : "\(code) \(text)"
        return full.count > Self.longestSummary ? String(full.prefix(Self.longestSummary)) + "…" : full
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
