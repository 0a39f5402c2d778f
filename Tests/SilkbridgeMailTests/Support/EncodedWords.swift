import Foundation

/// RFC 2047 decoding. Each encoded-word must be valid UTF-8 on its own, which is what the standard asks of a
/// writer; whitespace between two encoded-words is dropped.
enum EncodedWords {
    static var pattern: Regex<(Substring, Substring, Substring, Substring)> { /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/ }

    static func decode(_ value: String) throws -> String {
        var output = ""
        var rest = Substring(value)
        var previousWasEncoded = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if !(previousWasEncoded && between.allSatisfy(\.isWhitespace)) {
                output += between
            }
            guard match.output.1.lowercased() == "utf-8", match.output.2.uppercased() == "B",
                let bytes = Data(base64Encoded: String(match.output.3)),
                let text = String(data: bytes, encoding: .utf8), String(decoding: bytes, as: UTF8.self) == text
            else {
                throw ParsedEntity.Failure(description: "an encoded-word that is not whole UTF-8: \(match.output.0)")
            }
            output += text
            previousWasEncoded = true
            rest = rest[match.range.upperBound...]
        }
        return output + rest
    }

    static func words(in value: String) -> [String] {
        value.matches(of: pattern).map { String($0.output.0) }
    }
}
