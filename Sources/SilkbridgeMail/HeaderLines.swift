import Foundation

/// One header field, folded at the spaces between its words so that no line passes 78 characters (RFC 5322
/// section 2.1.1). Lengths are counted in UTF-8 bytes, the stricter reading when an address is UTF-8.
struct HeaderLines {
    static let lineLimit = 78
    /// RFC 2047 section 2.
    static let encodedWordLimit = 75
    private static let encodedWordOverhead = "=?UTF-8?B?".utf8.count + "?=".utf8.count

    private var lines: [String]
    private var hasWord = false

    init(name: String) {
        lines = [name + ":"]
    }

    var rendered: String {
        lines.joined(separator: "\r\n") + "\r\n"
    }

    private var currentLength: Int { lines[lines.count - 1].utf8.count }

    /// A word goes on the current line if it fits and on a new one otherwise, except that the first word stays
    /// beside the name: a line holding only the name reads as an empty header to some parsers.
    mutating func append(word: String) {
        if hasWord, currentLength + 1 + word.utf8.count > Self.lineLimit {
            lines.append("")
        }
        lines[lines.count - 1] += " " + word
        hasWord = true
    }

    /// Splits `text` on space-separated words for folding while keeping every run of spaces as it was.
    mutating func append(spaceSeparated text: String) {
        var words: [String] = []
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            if piece.isEmpty, !words.isEmpty {
                words[words.count - 1] += " "
            } else {
                words.append(String(piece))
            }
        }
        for word in words {
            append(word: word)
        }
    }

    /// Appends `text` as RFC 2047 encoded-words, each holding whole characters and sized to what is left of the
    /// line it lands on. Readers drop the folding between adjacent encoded-words, so the text comes back whole.
    mutating func append(encoded text: String) {
        let units = Self.units(of: text)
        var next = 0
        while next < units.count {
            let room = min(Self.encodedWordLimit, Self.lineLimit - currentLength - 1)
            let capacity = max(0, (room - Self.encodedWordOverhead) / 4 * 3)
            var bytes: [UInt8] = []
            while next < units.count, bytes.count + units[next].count <= capacity {
                bytes += units[next]
                next += 1
            }
            if bytes.isEmpty {
                // No whole character fits on this line; every unit fits on a fresh one.
                lines.append("")
                hasWord = true
                continue
            }
            append(word: "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=")
        }
    }

    /// The UTF-8 of each character; a character too long for one encoded-word (a long combining sequence) is cut
    /// between its scalars instead, which still keeps every encoded-word valid UTF-8 on its own.
    private static func units(of text: String) -> [[UInt8]] {
        let largest = (encodedWordLimit - encodedWordOverhead) / 4 * 3
        var units: [[UInt8]] = []
        for character in text {
            let bytes = Array(character.utf8)
            if bytes.count <= largest {
                units.append(bytes)
            } else {
                units += character.unicodeScalars.map { Array(String($0).utf8) }
            }
        }
        return units
    }
}
