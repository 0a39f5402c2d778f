import Foundation

/// The normal form and the syntax check of email addresses.
public enum EmailAddress {
    /// Lower-cased and trimmed, so that one mailbox is one account.
    public static func normalize(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check: one `@`, a local part that is an RFC 5322 dot-atom, a dotted domain of
    /// letters, digits and inner hyphens, within RFC 5321 lengths. Every address it accepts can be mailed: the
    /// mail writer checks the same.
    public static func isValid(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.utf8.count <= 254, parts.count == 2 else { return false }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty, local.utf8.count <= 64 else { return false }
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainIsValid =
            labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { allowedDomain.contains($0) }
            }
        // The unquoted local-part characters of RFC 5322's dot-atom: printable ASCII without specials, in atoms
        // joined by single dots.
        let specials = Set("\"(),:;<>@[\\]")
        let localIsDotAtom = local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty
                && atom.unicodeScalars.allSatisfy {
                    (0x21...0x7E).contains($0.value) && !specials.contains(Character($0))
                }
        }
        return domainIsValid && localIsDotAtom
    }
}
