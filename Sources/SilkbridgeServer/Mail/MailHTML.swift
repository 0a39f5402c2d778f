import Foundation
import SilkbridgeCore

/// The HTML part of a mail written as plain text: the same paragraphs, with links that can be clicked, so that
/// mail programs that show HTML first show the same mail, not a wall of text.
enum MailHTML {
    static func page(_ text: String, language: Language) -> String {
        let paragraphs = text.components(separatedBy: "\n\n").map { paragraph in
            "<p>"
                + paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(line).joined(separator: "<br>")
                + "</p>"
        }
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"></head>
            <body style="font-family: sans-serif; line-height: 1.5; max-width: 40em;">
            \(paragraphs.joined(separator: "\n"))
            </body></html>
            """
    }

    /// A line escaped, with each web address in it as a link.
    private static func line(_ line: Substring) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let escaped = escape(String(word))
            return word.hasPrefix("https://") || word.hasPrefix("http://")
                ? "<a href=\"\(escaped)\">\(escaped)</a>" : escaped
        }.joined(separator: " ")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
