import Foundation
import SilkbridgeCore

/// Domain values for storage tests, with only what each test cares about spelled out.
enum Fixtures {
    static let links = MailLinks(publicURL: "http://127.0.0.1:8080")

    static func account(_ email: String = "anna-\(UUID().uuidString.prefix(8))@example.eu") -> Account {
        Account(
            id: UUID(), email: email, displayName: "Anna", preferredLanguage: .english, createdAt: Date())
    }

    static func organization(
        _ name: String, chinese: String? = nil, country: String = "DE", areas: [String] = ["smart-energy"],
        type: OrganizationType = .startup
    ) -> Organization {
        Organization(
            id: UUID(), name: LocalizedText(english: name, chinese: chinese), type: type, country: country,
            province: country == "CN" ? "CN-GD" : nil, city: LocalizedText(english: "Munich"), website: nil,
            size: .small, areas: areas, description: LocalizedText(english: "About \(name)"), createdAt: Date(),
            updatedAt: Date())
    }

    static func owner(of organization: Organization, _ account: Account) -> Membership {
        Membership(
            id: UUID(), organizationId: organization.id, accountId: account.id, email: account.email,
            displayName: account.displayName, role: .owner, createdAt: Date())
    }

    static func audit(_ organization: Organization, _ account: Account, _ action: String, at: Date = Date())
        -> AuditEvent
    {
        AuditEvent(
            organizationId: organization.id, actorId: account.id, actorName: account.displayName, action: action,
            detail: "", at: at)
    }
}
