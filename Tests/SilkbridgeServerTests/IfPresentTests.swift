import SilkbridgeCore
import Testing

@testable import SilkbridgeServer

/// Pages show nothing where the use case refuses, but a failing database is never read as "not there".
@Suite struct IfPresentTests {
    struct DatabaseDown: Error {}

    @Test func aRefusalIsAbsenceAndAnyOtherFailureIsAnError() async throws {
        #expect(try await ifPresent { 7 } == 7)
        #expect(try await ifPresent { () async throws -> Int in throw EventError.registrationNotFound } == nil)
        #expect(try await ifPresent { () async throws -> Int in throw DirectoryError.organizationNotFound } == nil)
        await #expect(throws: DatabaseDown.self) {
            try await ifPresent { () async throws -> Int in throw DatabaseDown() }
        }
        await #expect(throws: EventError.self) {
            try await ifPresent { () async throws -> Int in throw EventError.busy }
        }
    }
}
