import Foundation

/// The normal form and the syntax check of email addresses.
public enum EmailAddress {
    /// Lower-cased and trimmed, so that one mailbox is one account.
    public static func normalize(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check: one `@`, a local part, a dotted domain, no spaces, within RFC 5321 lengths.
    public static func isValid(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.utf8.count <= 254, parts.count == 2 else { return false }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty, local.utf8.count <= 64, domain.contains("."), !domain.hasPrefix("."),
            !domain.hasSuffix("."), !domain.contains("..")
        else { return false }
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        // The unquoted local-part characters of RFC 5322's dot-atom: printable ASCII without specials.
        let specials = Set("\"(),:;<>@[\\]")
        return domain.allSatisfy { allowedDomain.contains($0) }
            && local.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && !specials.contains(Character($0)) }
    }
}
