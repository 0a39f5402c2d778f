import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

/// "An organisation keeps an owner" holds when its two owners act on each other at the same moment: on SQLite
/// through one server, on PostgreSQL through two servers sharing the database.
@Suite(.timeLimit(.minutes(10))) struct OwnershipRaceTests {
    enum Move: CaseIterable {
        case demote, remove
    }

    @Test(arguments: TestDatabase.available, Move.allCases)
    func twoOwnersActingOnEachOtherAtOnceLeaveOneOwner(database: TestDatabase, move: Move) async throws {
        let location = database.freshLocation()
        try await withApp(at: location) { first in
            guard database == .postgres else { return try await race(move, first, first) }
            try await withApp(at: location) { second in try await race(move, first, second) }
        }
    }

    /// Each round, a fresh organisation with owners Anna and Bert; Anna's move goes to `first`, Bert's to `second`.
    private func race(_ move: Move, _ first: any TestClientProtocol, _ second: any TestClientProtocol)
        async throws
    {
        let anna = try await first.signUp("anna@example.eu")
        let bert = try await first.signUpVerified("bert@example.eu")
        for round in 0..<8 {
            let id = try await first.createOrganization(token: anna, name: "Round \(round)")
            let added = try await first.api(
                .post, "/api/v1/organizations/\(id)/members", token: anna,
                json: #"{"email":"bert@example.eu","role":"owner"}"#)
            #expect(added.status == .created)
            let members = try await first.api(.get, "/api/v1/organizations/\(id)/members", token: anna)
            let items = try #require(try members.json()["items"] as? [[String: Any]])
            func memberId(_ email: String) throws -> String {
                try #require(items.first { $0["email"] as? String == email }?["id"] as? String)
            }
            let annaMember = try memberId("anna@example.eu")
            let bertMember = try memberId("bert@example.eu")

            func act(_ client: any TestClientProtocol, token: String, on member: String) async throws -> Int {
                let path = "/api/v1/organizations/\(id)/members/\(member)"
                let answer =
                    switch move {
                    case .demote: try await client.api(.patch, path, token: token, json: #"{"role":"member"}"#)
                    case .remove: try await client.api(.delete, path, token: token)
                    }
                return Int(answer.status.code)
            }
            async let annaActs = act(first, token: anna, on: bertMember)
            async let bertActs = act(second, token: bert, on: annaMember)
            let statuses = try await [annaActs, bertActs].sorted()
            #expect(statuses == [move == .demote ? 200 : 204, 409], "round \(round)")

            let after = try await first.api(.get, "/api/v1/organizations/\(id)/members", token: anna)
            let afterBert = try await first.api(.get, "/api/v1/organizations/\(id)/members", token: bert)
            let left = try #require(
                try (after.status == .ok ? after : afterBert).json()["items"] as? [[String: Any]])
            #expect(left.filter { $0["role"] as? String == "owner" }.count == 1, "round \(round)")
        }
    }
}
