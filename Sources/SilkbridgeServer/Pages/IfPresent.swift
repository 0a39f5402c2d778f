import SilkbridgeCore

/// What a page shows only where it is: nil when the use case refuses (absent, not the viewer's to see, not yet
/// approved), while any other failure, such as the database not answering, still becomes the error page instead
/// of reading as "not registered" or "not found".
func ifPresent<T>(_ read: () async throws -> T) async throws -> T? {
    do {
        return try await read()
    } catch let refusal as any DomainError where refusal.kind != .unavailable {
        return nil
    }
}
