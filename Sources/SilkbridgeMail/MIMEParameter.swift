/// Header parameters such as `filename`, quoted when they are short ASCII and written the RFC 2231 way
/// (`filename*0*=utf-8''%E4%BC%9A…`) otherwise, split into numbered pieces that each fit on a folded line.
enum MIMEParameter {
    /// Leaves room on a continuation line for the space, `filename*0*=utf-8''` and the `;` that follows.
    private static let segmentLength = 50
    /// A quoted `name="value"` word longer than this would not fit on a folded line.
    private static let longestQuotedWord = 70
    /// RFC 5987's attr-char: what may stand unescaped in an extended value.
    private static let attributeCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The words of `name=value`, each to be placed after a `;` of the previous word.
    static func words(name: String, value: String) -> [String] {
        let quoted = "\(name)=" + TextChecks.quotedString(value)
        if TextChecks.isPrintableASCII(value), quoted.utf8.count <= longestQuotedWord {
            return [quoted]
        }
        var segments: [String] = []
        var current = ""
        // Whole scalars per segment: some readers decode each piece on its own.
        for scalar in value.unicodeScalars {
            let encoded = percentEncoded(scalar)
            if !current.isEmpty, current.utf8.count + encoded.utf8.count > segmentLength {
                segments.append(current)
                current = ""
            }
            current += encoded
        }
        segments.append(current)
        if segments.count == 1 {
            return ["\(name)*=utf-8''\(segments[0])"]
        }
        return segments.enumerated().map { index, segment in
            index == 0 ? "\(name)*0*=utf-8''\(segment)" : "\(name)*\(index)*=\(segment)"
        }
    }

    private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        var output: [UInt8] = []
        for byte in String(scalar).utf8 {
            if attributeCharacters.contains(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
