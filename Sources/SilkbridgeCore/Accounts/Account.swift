import Foundation

/// A person who uses Silkbridge.
public struct Account: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var email: String
    public var displayName: String
    public var preferredLanguage: Language
    public let createdAt: Date
    /// When the person opened the link mailed to `email`; until then the address is only a claim.
    public var emailVerifiedAt: Date?

    public var emailVerified: Bool { emailVerifiedAt != nil }

    public init(
        id: UUID, email: String, displayName: String, preferredLanguage: Language, createdAt: Date,
        emailVerifiedAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.preferredLanguage = preferredLanguage
        self.createdAt = createdAt
        self.emailVerifiedAt = emailVerifiedAt
    }
}

/// What a person types to sign up.
public struct SignUp: Sendable {
    public var email: String
    public var password: String
    public var displayName: String
    public var preferredLanguage: Language?

    public init(email: String, password: String, displayName: String, preferredLanguage: Language? = nil) {
        self.email = email
        self.password = password
        self.displayName = displayName
        self.preferredLanguage = preferredLanguage
    }
}
