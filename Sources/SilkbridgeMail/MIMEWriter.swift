import Foundation

/// Renders a message as RFC 5322 / MIME bytes with CRLF line endings.
///
/// The output depends only on the message, except for the multipart boundaries, which come from `boundary`:
/// a boundary that is not a valid one or that appears in what it would enclose is discarded and another drawn.
public struct MIMEWriter: Sendable {
    private let makeBoundary: @Sendable () -> String
    /// After this many unusable boundaries from the given source, random ones are used.
    private static let boundaryAttempts = 8

    public init(boundary: @escaping @Sendable () -> String = MIMEWriter.randomBoundary) {
        self.makeBoundary = boundary
    }

    /// "=_" never occurs in quoted-printable or base64 text, so this cannot collide with an encoded body.
    public static func randomBoundary() -> String {
        "=_silkbridge_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    public func render(_ message: MailMessage) -> Data {
        var usedBoundaries: [String] = []
        var content = MIMEEntity.text(message.text, subtype: "plain")
        if let html = message.html {
            let parts = [content, MIMEEntity.text(html, subtype: "html")]
            let boundary = chooseBoundary(avoiding: parts, used: &usedBoundaries)
            content = MIMEEntity.multipart("alternative", boundary: boundary, parts: parts)
        }
        if !message.attachments.isEmpty {
            let parts = [content] + message.attachments.map(Self.attachment)
            let boundary = chooseBoundary(avoiding: parts, used: &usedBoundaries)
            content = MIMEEntity.multipart("mixed", boundary: boundary, parts: parts)
        }
        var headers = Self.envelopeHeaders(of: message)
        headers += content.headers
        var rendered = headers + "\r\n" + content.body
        if !rendered.hasSuffix("\r\n") {
            rendered += "\r\n"
        }
        return Data(rendered.utf8)
    }

    private static func envelopeHeaders(of message: MailMessage) -> String {
        var headers = "Date: \(RFC5322Date.format(message.date))\r\n"
        headers += MIMEEntity.header("From") { MailboxList.append([message.from], to: &$0) }
        headers += MIMEEntity.header("To") { MailboxList.append(message.to, to: &$0) }
        headers += MIMEEntity.header("Subject") { Self.appendSubject(message.subject, to: &$0) }
        headers += "Message-ID: <\(message.messageID)>\r\n"
        headers += "MIME-Version: 1.0\r\n"
        for header in message.extraHeaders {
            headers += MIMEEntity.header(header.name) { $0.append(spaceSeparated: header.value) }
        }
        return headers
    }

    /// Plain when it is ASCII that folds cleanly at single spaces and cannot be mistaken for an encoded-word;
    /// encoded as a whole otherwise, which keeps every space and every line within bounds.
    private static func appendSubject(_ subject: String, to lines: inout HeaderLines) {
        guard !subject.isEmpty else { return }
        let words = subject.split(separator: " ", omittingEmptySubsequences: false)
        let staysPlain =
            TextChecks.isPrintableASCII(subject) && !subject.contains("=?")
            && words.allSatisfy { !$0.isEmpty && $0.utf8.count < HeaderLines.lineLimit - "Subject: ".utf8.count }
        if staysPlain {
            for word in words {
                lines.append(word: String(word))
            }
        } else {
            lines.append(encoded: subject)
        }
    }

    private static func attachment(_ attachment: MailAttachment) -> MIMEEntity {
        let headers =
            MIMEEntity.header("Content-Type") { $0.append(spaceSeparated: attachment.contentType) }
            + "Content-Transfer-Encoding: base64\r\n"
            + MIMEEntity.header("Content-Disposition") { lines in
                let words = MIMEParameter.words(name: "filename", value: attachment.filename)
                lines.append(word: "attachment;")
                for (index, word) in words.enumerated() {
                    lines.append(word: index == words.count - 1 ? word : word + ";")
                }
            }
        let body = attachment.data.base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return MIMEEntity(headers: headers, body: body)
    }

    private func chooseBoundary(avoiding parts: [MIMEEntity], used: inout [String]) -> String {
        for attempt in 0... {
            let candidate = attempt < Self.boundaryAttempts ? makeBoundary() : Self.randomBoundary()
            let clashes =
                !Self.isValidBoundary(candidate)
                || used.contains { $0.contains(candidate) || candidate.contains($0) }
                || parts.contains {
                    ByteSearch.contains(candidate, in: $0.headers) || ByteSearch.contains(candidate, in: $0.body)
                }
            if !clashes {
                used.append(candidate)
                return candidate
            }
        }
        fatalError("unreachable: the loop only ends by returning")
    }

    /// RFC 2046 section 5.1.1's bcharsnospace, 1 to 70 of them.
    private static let boundaryCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'()+_,-./:=?".utf8)

    private static func isValidBoundary(_ boundary: String) -> Bool {
        (1...70).contains(boundary.utf8.count) && boundary.utf8.allSatisfy { boundaryCharacters.contains($0) }
    }
}
