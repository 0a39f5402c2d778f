/// Quoted-printable (RFC 2045 section 6.7): text stays readable in the raw message, and every line stays within
/// 76 characters whatever the text's own line lengths.
enum QuotedPrintable {
    /// Room for the text of an encoded line, leaving one character for a soft line break's `=`.
    private static let lineContent = 75
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Line breaks of any kind become CRLF; a leading "." is left as it is, because SMTP's dot-stuffing
    /// already protects it on the way.
    static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for (index, line) in lines(of: text).enumerated() {
            if index > 0 {
                output += [0x0D, 0x0A]
            }
            encode(line: line, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func encode(line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var lineLength = 0
        for index in line.indices {
            let byte = line[index]
            let isLast = index == line.index(before: line.endIndex)
            // A space or tab at the end of a line would be stripped by transports, so only inner ones stay bare.
            let isLiteral =
                ((0x21...0x7E).contains(byte) && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            let width = isLiteral ? 1 : 3
            if lineLength + width > lineContent {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            if isLiteral {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
            lineLength += width
        }
    }

    private static func lines(of text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0D:
                lines.append(bytes[start..<index])
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            case 0x0A:
                lines.append(bytes[start..<index])
                index += 1
                start = index
            default:
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }
}
