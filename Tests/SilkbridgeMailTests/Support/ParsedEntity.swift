import Foundation

/// A reading of a MIME message written independently of the writer, so that tests check what a mail program
/// would see rather than the writer agreeing with itself.
struct ParsedEntity {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Unfolded, still encoded.
    var headers: [(name: String, value: String)]
    var body: Data

    init(_ data: Data) throws {
        let separator = Data("\r\n\r\n".utf8)
        let headerEnd: Range<Data.Index>
        if data.starts(with: Data("\r\n".utf8)) {
            headerEnd = data.startIndex..<data.startIndex + 2
        } else if let found = data.range(of: separator) {
            headerEnd = found
        } else {
            throw Failure(description: "no blank line after the headers")
        }
        let headerText = String(decoding: data[data.startIndex..<headerEnd.lowerBound], as: UTF8.self)
        var headers: [(name: String, value: String)] = []
        for line in headerText.components(separatedBy: "\r\n") where !line.isEmpty {
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { throw Failure(description: "a continuation line opens the headers") }
                headers[headers.count - 1].value += line
            } else {
                guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "not a header: \(line)") }
                let value = line[line.index(after: colon)...].drop { $0 == " " }
                headers.append((String(line[..<colon]), String(value)))
            }
        }
        self.headers = headers
        self.body = Data(data[headerEnd.upperBound...])
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    func decodedHeader(_ name: String) throws -> String? {
        try header(name).map(EncodedWords.decode)
    }

    var mediaType: String {
        (header("Content-Type") ?? "text/plain").split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
            .lowercased()
    }

    func contentTypeParameter(_ name: String) -> String? {
        header("Content-Type").flatMap { HeaderParameters.parse($0)[name.lowercased()] }
    }

    var filename: String? {
        header("Content-Disposition").flatMap { HeaderParameters.parse($0)["filename"] }
    }

    var parts: [ParsedEntity] {
        get throws {
            guard mediaType.hasPrefix("multipart/"), let boundary = contentTypeParameter("boundary") else {
                throw Failure(description: "\(mediaType) is not multipart with a boundary")
            }
            let text = String(decoding: body, as: UTF8.self)
            let delimiter = "--" + boundary
            guard let close = text.range(of: "\r\n" + delimiter + "--") ?? text.range(of: delimiter + "--") else {
                throw Failure(description: "no closing delimiter")
            }
            let inside = "\r\n" + text[..<close.lowerBound]
            let pieces = inside.components(separatedBy: "\r\n" + delimiter + "\r\n")
            guard pieces.first == "" else { throw Failure(description: "text before the first delimiter") }
            return try pieces.dropFirst().map { try ParsedEntity(Data($0.utf8)) }
        }
    }

    var decodedBody: Data {
        get throws {
            switch header("Content-Transfer-Encoding")?.lowercased() {
            case "quoted-printable": return try QuotedPrintableDecoder.decode(body)
            case "base64":
                guard let data = Data(base64Encoded: body, options: .ignoreUnknownCharacters) else {
                    throw Failure(description: "invalid base64")
                }
                return data
            default: return body
            }
        }
    }

    var decodedText: String {
        get throws { String(decoding: try decodedBody, as: UTF8.self) }
    }
}
