/// A header block and its body, already encoded to 7-bit lines.
struct MIMEEntity {
    var headers: String
    var body: String

    /// Without a trailing line break: the CRLF before a boundary delimiter belongs to the delimiter.
    var rendered: String { headers + "\r\n" + body }

    static func header(_ name: String, _ build: (inout HeaderLines) -> Void) -> String {
        var lines = HeaderLines(name: name)
        build(&lines)
        return lines.rendered
    }

    static func text(_ text: String, subtype: String) -> MIMEEntity {
        MIMEEntity(
            headers: header("Content-Type") { $0.append(spaceSeparated: "text/\(subtype); charset=utf-8") }
                + "Content-Transfer-Encoding: quoted-printable\r\n",
            body: QuotedPrintable.encode(text)
        )
    }

    static func multipart(_ subtype: String, boundary: String, parts: [MIMEEntity]) -> MIMEEntity {
        var body = ""
        for part in parts {
            body += "--\(boundary)\r\n" + part.rendered + "\r\n"
        }
        body += "--\(boundary)--\r\n"
        return MIMEEntity(
            headers: header("Content-Type") {
                $0.append(word: "multipart/\(subtype);")
                $0.append(word: "boundary=\"\(boundary)\"")
            },
            body: body
        )
    }
}
