import Foundation

/// Signing up, logging in and out, and the tokens a person keeps for scripts.
public struct AccountService: Sendable {
    /// How long an API log-in stays valid.
    public static let sessionLifetime: TimeInterval = 30 * 24 * 3600

    /// Verification mails a person may ask for in a day, and how long after one the next may be asked for, so
    /// that the resend button cannot be used to flood someone's inbox.
    static let verificationsPerDay = 5
    static let verificationSpacing: TimeInterval = 60
    /// How many password-reset links are mailed to one account in an hour.
    static let resetsPerHour = 3

    let accounts: any AccountRepository
    let tokens: any TokenRepository
    let passwords: any PasswordHasher
    let links: MailLinks
    /// Checked when no account has the address, so that an unknown address takes as long as a wrong password.
    private let decoy: DecoyHash
    private let throttle: LogInThrottle

    public init(
        accounts: any AccountRepository, tokens: any TokenRepository, passwords: any PasswordHasher,
        links: MailLinks, throttle: LogInThrottle = LogInThrottle()
    ) {
        self.accounts = accounts
        self.tokens = tokens
        self.passwords = passwords
        self.links = links
        self.decoy = DecoyHash(passwords: passwords)
        self.throttle = throttle
    }

    public func signUp(_ input: SignUp, now: Date = Date()) async throws -> Account {
        let email = EmailAddress.normalize(input.email)
        let displayName = input.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        if !EmailAddress.isValid(email) {
            validator.add("email", Message("is not a valid email address.", "不是有效的电子邮箱地址。"))
        }
        validator.checkText(displayName, field: "displayName", required: true, maxLength: 100)
        if displayName.contains(where: \.isNewline) {
            validator.add("displayName", Message("must be on one line.", "必须写在一行内。"))
        }
        if let problem = PasswordPolicy.problem(with: input.password, email: email) {
            validator.add("password", problem)
        }
        try validator.finish()
        if try await accounts.find(email: email) != nil { throw AccountError.emailTaken }
        let account = Account(
            id: UUID(), email: email, displayName: displayName,
            preferredLanguage: input.preferredLanguage ?? .english, createdAt: now)
        return try await accounts.create(
            account, passwordHash: try await passwords.hash(input.password),
            verification: link(.verifyEmail, for: account, now: now))
    }

    /// Verifies the address the link was mailed to; the invitations waiting for it become memberships.
    public func verifyEmail(secret: String, now: Date = Date()) async throws -> Account {
        guard let account = try await accounts.verifyEmail(secret: secret, now: now) else {
            throw AccountError.linkNotValid
        }
        return account
    }

    /// Mails a new verification link, at most once a minute and five times a day.
    public func resendVerification(to account: Account, now: Date = Date()) async throws {
        guard !account.emailVerified else { throw AccountError.alreadyVerified }
        let day: TimeInterval = 24 * 3600
        let issued = try await accounts.linksIssued(to: account.id, purpose: .verifyEmail, since: now - day)
        if let last = issued.last, now < last + Self.verificationSpacing {
            throw AccountError.tooManyMails(retryAfter: (last + Self.verificationSpacing).timeIntervalSince(now))
        }
        if issued.count >= Self.verificationsPerDay, let oldest = issued.first {
            throw AccountError.tooManyMails(retryAfter: (oldest + day).timeIntervalSince(now))
        }
        try await accounts.issue(link(.verifyEmail, for: account, now: now))
    }

    /// Mails a link to set a new password, if an account has the address. The caller learns nothing either way
    /// (the API answers 202 to every address), and past three links an hour the account gets no more, so that
    /// the form cannot be used to flood someone's inbox.
    public func requestPasswordReset(email: String, now: Date = Date()) async throws {
        let email = EmailAddress.normalize(email)
        guard EmailAddress.isValid(email) else {
            throw ValidationError([
                FieldIssue("email", Message("is not a valid email address.", "不是有效的电子邮箱地址。"))
            ])
        }
        guard let account = try await accounts.find(email: email)?.account else { return }
        let issued = try await accounts.linksIssued(to: account.id, purpose: .resetPassword, since: now - 3600)
        guard issued.count < Self.resetsPerHour else { return }
        try await accounts.issue(link(.resetPassword, for: account, now: now))
    }

    /// Sets the new password the link was mailed for; every session of the account ends.
    public func resetPassword(secret: String, newPassword: String, now: Date = Date()) async throws -> Account {
        // The policy needs the address the link is for; the link is used only once the password passes.
        guard let holder = try await accounts.holder(of: secret, purpose: .resetPassword, now: now) else {
            throw AccountError.linkNotValid
        }
        if let problem = PasswordPolicy.problem(with: newPassword, email: holder.email) {
            throw ValidationError([FieldIssue("password", problem)])
        }
        let hash = try await passwords.hash(newPassword)
        guard let account = try await accounts.resetPassword(secret: secret, passwordHash: hash, now: now) else {
            throw AccountError.linkNotValid
        }
        return account
    }

    /// Asks to move the account to another address, confirmed with the password: the link goes to the new address,
    /// and the old one is told. The account keeps its address until the link is used.
    public func requestEmailChange(
        of account: Account, to newEmail: String, password: String, client: String? = nil, now: Date = Date()
    ) async throws {
        let newEmail = EmailAddress.normalize(newEmail)
        var validator = Validator()
        if !EmailAddress.isValid(newEmail) {
            validator.add("email", Message("is not a valid email address.", "不是有效的电子邮箱地址。"))
        } else if newEmail == account.email {
            validator.add("email", Message("is already your address.", "已是您的地址。"))
        }
        try validator.finish()
        // The password is guessed here as at the log-in, so the same throttle counts.
        if let wait = throttle.wait(email: account.email, client: client, now: now) {
            throw AccountError.tooManyAttempts(retryAfter: wait)
        }
        guard let stored = try await accounts.find(email: account.email),
            password.utf8.count <= PasswordPolicy.maximumBytes,
            try await passwords.verify(password, against: stored.passwordHash)
        else {
            throttle.recordFailure(email: account.email, client: client, now: now)
            throw AccountError.wrongPassword
        }
        if try await accounts.find(email: newEmail) != nil { throw AccountError.emailTaken }
        let issued = try await accounts.linksIssued(to: account.id, purpose: .changeEmail, since: now - 3600)
        if let last = issued.last, now < last + Self.verificationSpacing {
            throw AccountError.tooManyMails(retryAfter: (last + Self.verificationSpacing).timeIntervalSince(now))
        }
        let links = self.links
        try await accounts.issue(
            LinkRequest(
                accountId: account.id, purpose: .changeEmail, email: account.email, newEmail: newEmail,
                createdAt: now, expiresAt: now + LinkPurpose.changeEmail.lifetime,
                notices: [AccountMails.emailChangeNotice(of: account, to: newEmail, now: now)]
            ) { secret in
                AccountMails.emailChange(
                    of: account, to: newEmail, link: links.url(.changeEmail, secret: secret), now: now)
            })
    }

    /// Moves the account to the address the link was mailed to.
    public func changeEmail(secret: String, now: Date = Date()) async throws -> Account {
        guard let account = try await accounts.changeEmail(secret: secret, now: now) else {
            throw AccountError.linkNotValid
        }
        return account
    }

    /// A link for the account's address and the mail that carries it.
    private func link(_ purpose: LinkPurpose, for account: Account, now: Date) -> LinkRequest {
        let links = self.links
        return LinkRequest(
            accountId: account.id, purpose: purpose, email: account.email, createdAt: now,
            expiresAt: now + purpose.lifetime
        ) { secret in AccountMails.mail(purpose, to: account, link: links.url(purpose, secret: secret), now: now) }
    }

    /// Checks the password and issues a token of the given kind. `client` is the caller's network address, which
    /// the throttle counts failures by.
    public func logIn(
        email: String, password: String, kind: TokenKind, client: String? = nil, now: Date = Date()
    ) async throws -> IssuedToken {
        let email = EmailAddress.normalize(email)
        if let wait = throttle.wait(email: email, client: client, now: now) {
            throw AccountError.tooManyAttempts(retryAfter: wait)
        }
        func refused() -> AccountError {
            throttle.recordFailure(email: email, client: client, now: now)
            return .wrongCredentials
        }
        // bcrypt would read only the first 72 bytes, so a longer password would match the shorter one stored.
        guard password.utf8.count <= PasswordPolicy.maximumBytes else { throw refused() }
        guard let found = try await accounts.find(email: email) else {
            _ = try await passwords.verify(password, against: try await decoy.hash())
            throw refused()
        }
        guard try await passwords.verify(password, against: found.passwordHash) else { throw refused() }
        throttle.recordSuccess(email: email, client: client)
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

/// A hash of no one's password, made once with the same hasher and cost as real ones.
actor DecoyHash {
    private let passwords: any PasswordHasher
    private var made: String?

    init(passwords: any PasswordHasher) {
        self.passwords = passwords
    }

    func hash() async throws -> String {
        if let made { return made }
        let hash = try await passwords.hash(UUID().uuidString)
        made = hash
        return hash
    }
}
