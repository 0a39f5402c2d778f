import Foundation

/// A person who uses Silkbridge.
public struct Account: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var email: String
    public var displayName: String
    public var preferredLanguage: Language
    public let createdAt: Date

    public init(id: UUID, email: String, displayName: String, preferredLanguage: Language, createdAt: Date) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.preferredLanguage = preferredLanguage
        self.createdAt = createdAt
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
