import Foundation
import Logging
import SilkbridgeCore

/// The demo data set: the stakeholders of the first China–EU digital cooperation roundtable and fictional
/// organisations on both sides, each owned by its own demo account.
package struct DemoDirectory {
    /// Everyone can log in as this person to try editing; it owns ChinaEU, the roundtable's host association.
    package static let demoEmail = "demo@silkbridge.example"
    package static let demoPassword = "silkbridge-demo"

    package struct Entry: Decodable {
        package let key: String
        package let name: LocalizedText
        package let type: OrganizationType
        package let country: String
        package let province: String?
        package let city: LocalizedText?
        package let website: String?
        package let size: SizeBand
        package let areas: [String]
        package let description: LocalizedText
    }

    package let accounts: any AccountRepository
    package let directory: DirectoryService
    package let passwords: any PasswordHasher
    package let logger: Logger

    package static func entries() throws -> [Entry] {
        guard
            let url = Bundle.module.url(
                forResource: "organizations", withExtension: "json", subdirectory: "Resources/Demo")
        else { throw CocoaError(.fileNoSuchFile) }
        return try JSONDecoder().decode([Entry].self, from: Data(contentsOf: url))
    }

    /// Loads the demo directory into an empty database; returns how many organisations it created.
    package func load() async throws -> Int {
        let entries = try Self.entries()
        // One hash for every demo account: hashing sixty passwords one by one would slow start-up for nothing.
        let hash = try await passwords.hash(Self.demoPassword)
        let demo = try await accounts.create(
            Account(
                id: UUID(), email: Self.demoEmail, displayName: "Demo user", preferredLanguage: .english,
                createdAt: Date(), emailVerifiedAt: Date()), passwordHash: hash)
        for (number, entry) in entries.enumerated() {
            let owner =
                entry.key == "chinaeu"
                ? demo
                : try await accounts.create(
                    Account(
                        id: UUID(), email: "\(entry.key)@demo.silkbridge.example",
                        displayName: entry.name.best(for: .english),
                        preferredLanguage: entry.country == "CN" ? .simplifiedChinese : .english,
                        createdAt: Date(), emailVerifiedAt: Date()), passwordHash: hash)
            let input = OrganizationInput(
                name: entry.name, type: entry.type, country: entry.country, province: .some(entry.province),
                city: entry.city, website: .some(entry.website), size: entry.size, areas: entry.areas,
                description: entry.description)
            _ = try await directory.create(input, by: owner)
            if (number + 1) % 16 == 0 || number + 1 == entries.count {
                logger.info("demo data: \(number + 1) of \(entries.count) organisations loaded")
            }
        }
        return entries.count
    }
}
