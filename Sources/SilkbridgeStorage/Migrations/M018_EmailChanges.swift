import FluentKit

/// A link that changes an account's address names the new one; the link's `email` stays the address the account
/// had when asking, so that the link is worthless once the address changed otherwise.
struct M018_EmailChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("email_links").field("new_email", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("email_links").deleteField("new_email").update()
    }
}
