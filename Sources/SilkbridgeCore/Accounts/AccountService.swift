import Foundation

/// Signing up, logging in and out, and the tokens a person keeps for scripts.
public struct AccountService: Sendable {
    /// How long an API log-in stays valid.
    public static let sessionLifetime: TimeInterval = 30 * 24 * 3600
    public static let minimumPasswordLength = 10

    let accounts: any AccountRepository
    let tokens: any TokenRepository
    let passwords: any PasswordHasher

    public init(accounts: any AccountRepository, tokens: any TokenRepository, passwords: any PasswordHasher) {
        self.accounts = accounts
        self.tokens = tokens
        self.passwords = passwords
    }

    public func signUp(_ input: SignUp, now: Date = Date()) async throws -> Account {
        let email = EmailAddress.normalize(input.email)
        let displayName = input.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        if !EmailAddress.isValid(email) {
            validator.add("email", Message("is not a valid email address.", "不是有效的电子邮箱地址。"))
        }
        validator.checkText(displayName, field: "displayName", required: true, maxLength: 100)
        if input.password.count < Self.minimumPasswordLength {
            validator.add(
                "password",
                Message(
                    "must have at least \(Self.minimumPasswordLength) characters.",
                    "至少需要 \(Self.minimumPasswordLength) 个字符。"))
        } else if input.password.utf8.count > 72 {
            // bcrypt reads only the first 72 bytes; a longer password would silently lose its tail.
            validator.add("password", Message("must be at most 72 bytes long.", "长度不得超过 72 字节。"))
        }
        try validator.finish()
        if try await accounts.find(email: email) != nil { throw AccountError.emailTaken }
        let account = Account(
            id: UUID(), email: email, displayName: displayName,
            preferredLanguage: input.preferredLanguage ?? .english, createdAt: now)
        return try await accounts.create(account, passwordHash: try await passwords.hash(input.password))
    }

    /// Checks the password and issues a token of the given kind.
    public func logIn(email: String, password: String, kind: TokenKind, now: Date = Date()) async throws
        -> IssuedToken
    {
        guard let found = try await accounts.find(email: EmailAddress.normalize(email)),
            try await passwords.verify(password, against: found.passwordHash)
        else { throw AccountError.wrongCredentials }
        let name = kind == .browser ? "Browser session" : "API session"
        return try await tokens.issue(
            kind: kind, accountId: found.account.id, name: name, expiresAt: now + Self.sessionLifetime)
    }

    public func authenticate(secret: String, now: Date = Date()) async throws -> (
        token: AccessToken, account: Account
    )? {
        try await tokens.authenticate(secret: secret, now: now)
    }

    /// Ends a session; personal tokens outlive log-outs and are revoked by id instead.
    public func logOut(token: AccessToken) async throws {
        guard token.kind != .personal else { throw AccountError.notASession }
        _ = try await tokens.revoke(id: token.id, accountId: token.accountId)
    }

    public func createPersonalToken(for account: Account, name: String) async throws -> IssuedToken {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        validator.checkText(name, field: "name", required: true, maxLength: 100)
        try validator.finish()
        return try await tokens.issue(kind: .personal, accountId: account.id, name: name, expiresAt: nil)
    }

    public func personalTokens(of account: Account) async throws -> [AccessToken] {
        try await tokens.list(accountId: account.id, kind: .personal)
    }

    public func revokePersonalToken(id: UUID, of account: Account) async throws {
        guard try await tokens.revoke(id: id, accountId: account.id) else { throw AccountError.tokenNotFound }
    }

    public func setPreferredLanguage(_ language: Language, for account: Account) async throws {
        var account = account
        account.preferredLanguage = language
        try await accounts.update(account)
    }
}
