import Foundation

/// What a new password must be: long enough to resist guessing, not one of the few everybody tries first, not the
/// address it protects, and short enough for bcrypt, which reads only the first 72 bytes.
enum PasswordPolicy {
    static let minimumLength = 10
    static let maximumBytes = 72

    /// The reason `password` is refused for the account at `email`, or nil.
    static func problem(with password: String, email: String) -> Message? {
        if password.count < minimumLength {
            return Message("must have at least \(minimumLength) characters.", "至少需要 \(minimumLength) 个字符。")
        }
        if password.utf8.count > maximumBytes {
            return Message("must be at most \(maximumBytes) bytes long.", "长度不得超过 \(maximumBytes) 字节。")
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return Message("must not contain control characters.", "不得包含控制字符。")
        }
        let folded = password.lowercased()
        // Ten spaces, "aaaaaaaaaa" and "abababab12" are as quick to guess as a short password.
        if Set(folded.filter { !$0.isWhitespace }).count < 4 {
            return Message("must use more different characters.", "需要使用更多不同的字符。")
        }
        let local = String(email.lowercased().prefix { $0 != "@" })
        if folded.contains(email.lowercased()) || (local.count >= 4 && folded.contains(local)) {
            return Message("must not contain your email address.", "不得包含您的电子邮箱地址。")
        }
        // "Password123!" is "password" with what people add to pass a length rule.
        let word = String(folded.reversed().drop { !$0.isLetter }.reversed())
        if common.contains(folded) || common.contains(word) || runs.contains(where: { $0.contains(folded) }) {
            return Message("is too common; choose a less predictable one.", "过于常见，请选择不易猜到的密码。")
        }
        return nil
    }

    /// The words at the top of every list of leaked passwords, which guessing tools try first.
    private static let common: Set<String> = [
        "password", "passw0rd", "p@ssword", "iloveyou", "letmein", "welcome", "admin", "administrator", "football",
        "baseball", "sunshine", "princess", "dragon", "monkey", "trustno1", "qwerty", "abc", "changeme", "silkbridge",
    ]

    /// Runs along the keyboard or the alphabet; any stretch of them is as weak as the whole.
    private static let runs = [
        "1234567890", "0987654321", "qwertyuiop", "poiuytrewq", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
    ]
}
