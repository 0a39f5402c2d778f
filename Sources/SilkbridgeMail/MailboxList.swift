/// The words of an address header: `Name <local@domain>, …`, with each name written the way a reader will
/// give it back unchanged.
enum MailboxList {
    /// RFC 5322's specials, which an unquoted display name may not contain.
    private static let specials = Set("()<>[]:;@\\,.\"".utf8)

    static func append(_ mailboxes: [MailAddress], to lines: inout HeaderLines) {
        for (index, mailbox) in mailboxes.enumerated() {
            let separator = index == mailboxes.count - 1 ? "" : ","
            guard let name = mailbox.name else {
                lines.append(word: mailbox.address + separator)
                continue
            }
            appendName(name, to: &lines)
            lines.append(word: "<\(mailbox.address)>" + separator)
        }
    }

    /// Plain words or a quoted string keep an ASCII name readable in the raw message, as long as it folds onto
    /// lines; anything else becomes encoded-words, which always do.
    private static func appendName(_ name: String, to lines: inout HeaderLines) {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let quoted = TextChecks.quotedString(name)
        if TextChecks.isPrintableASCII(name), !name.contains("=?") {
            let isPlainPhrase = words.allSatisfy { word in
                !word.isEmpty && word.utf8.count <= longestPlainWord && !word.utf8.contains(where: specials.contains)
            }
            if isPlainPhrase {
                for word in words {
                    lines.append(word: String(word))
                }
                return
            }
            if quoted.utf8.count <= longestPlainWord {
                lines.append(word: quoted)
                return
            }
        }
        lines.append(encoded: name)
    }

    private static let longestPlainWord = 60
}
