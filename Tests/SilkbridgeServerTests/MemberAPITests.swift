import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct MemberAPITests {
    /// An organisation with an owner, an admin and a member, each with a token.
    struct Team {
        let id: String
        let owner: String
        let admin: String
        let member: String
        let ownerMemberId: String
        let memberMemberId: String
    }

    func team(_ client: any TestClientProtocol) async throws -> Team {
        let owner = try await client.signUp("owner@example.eu")
        let id = try await client.createOrganization(token: owner)
        let admin = try await client.signUpVerified("admin@example.eu")
        let member = try await client.signUpVerified("member@example.eu")
        for (email, role) in [("admin@example.eu", "admin"), ("member@example.eu", "member")] {
            let added = try await client.api(
                .post, "/api/v1/organizations/\(id)/members", token: owner,
                json: #"{"email":"\#(email)","role":"\#(role)"}"#)
            #expect(added.status == .created)
        }
        let list = try await client.api(.get, "/api/v1/organizations/\(id)/members", token: member)
        let items = try #require(try list.json()["items"] as? [[String: Any]])
        func memberId(_ email: String) -> String {
            items.first { $0["email"] as? String == email }?["id"] as? String ?? ""
        }
        return Team(
            id: id, owner: owner, admin: admin, member: member, ownerMemberId: memberId("owner@example.eu"),
            memberMemberId: memberId("member@example.eu"))
    }

    @Test(arguments: TestDatabase.available)
    func membersMayEditButNotManageMembers(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let team = try await team(client)
            let edit = try await client.api(
                .patch, "/api/v1/organizations/\(team.id)", token: team.member, json: #"{"size":"small"}"#)
            #expect(edit.status == .ok)
            let add = try await client.api(
                .post, "/api/v1/organizations/\(team.id)/members", token: team.member,
                json: #"{"email":"new@example.eu","role":"member"}"#)
            #expect(add.status == .forbidden)
            let remove = try await client.api(
                .delete, "/api/v1/organizations/\(team.id)/members/\(team.ownerMemberId)", token: team.member)
            #expect(remove.status == .forbidden)
        }
    }

    @Test func adminsManageMembersButNeverOwnership() async throws {
        try await withApp { client in
            let team = try await team(client)
            let promote = try await client.api(
                .patch, "/api/v1/organizations/\(team.id)/members/\(team.memberMemberId)", token: team.admin,
                json: #"{"role":"owner"}"#)
            #expect(promote.status == .forbidden)
            let removeOwner = try await client.api(
                .delete, "/api/v1/organizations/\(team.id)/members/\(team.ownerMemberId)", token: team.admin)
            #expect(removeOwner.status == .forbidden)
            #expect(
                try await client.api(.delete, "/api/v1/organizations/\(team.id)", token: team.admin).status
                    == .forbidden)
            let removeMember = try await client.api(
                .delete, "/api/v1/organizations/\(team.id)/members/\(team.memberMemberId)", token: team.admin)
            #expect(removeMember.status == .noContent)
            let edit = try await client.api(
                .patch, "/api/v1/organizations/\(team.id)", token: team.member, json: #"{"size":"small"}"#)
            #expect(edit.status == .forbidden)
        }
    }

    @Test func theLastOwnerCanNeitherLeaveNorBeDemoted() async throws {
        try await withApp { client in
            let team = try await team(client)
            let leave = try await client.api(
                .delete, "/api/v1/organizations/\(team.id)/members/\(team.ownerMemberId)", token: team.owner)
            #expect(leave.status == .conflict)
            let demote = try await client.api(
                .patch, "/api/v1/organizations/\(team.id)/members/\(team.ownerMemberId)", token: team.owner,
                json: #"{"role":"member"}"#)
            #expect(demote.status == .conflict)
            let promote = try await client.api(
                .patch, "/api/v1/organizations/\(team.id)/members/\(team.memberMemberId)", token: team.owner,
                json: #"{"role":"owner"}"#)
            #expect(promote.status == .ok)
            let leaveNow = try await client.api(
                .delete, "/api/v1/organizations/\(team.id)/members/\(team.ownerMemberId)", token: team.owner)
            #expect(leaveNow.status == .noContent)
        }
    }

    @Test func invitationsWaitForTheVerifiedSignUpAndDuplicatesAreRefused() async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let id = try await client.createOrganization(token: owner)
            let invite = try await client.api(
                .post, "/api/v1/organizations/\(id)/members", token: owner,
                json: #"{"email":"Li@Example.cn","role":"admin"}"#)
            #expect(invite.status == .created)
            #expect(try invite.json()["pending"] as? Bool == true)
            let again = try await client.api(
                .post, "/api/v1/organizations/\(id)/members", token: owner,
                json: #"{"email":"li@example.cn","role":"member"}"#)
            #expect(again.status == .conflict)

            // Signing up with the address is not enough: whoever did so has not shown the address is theirs.
            let li = try await client.signUp("li@example.cn")
            func memberships() async throws -> [String?] {
                let me = try await client.api(.get, "/api/v1/me", token: li)
                return try #require(try me.json()["memberships"] as? [[String: Any]]).map { $0["role"] as? String }
            }
            #expect(try await memberships() == [])
            let members = try await client.api(.get, "/api/v1/organizations/\(id)/members", token: li)
            #expect(members.status == .forbidden)
            try await client.verifyEmail("li@example.cn")
            #expect(try await memberships() == ["admin"])
        }
    }

    @Test func everyMembershipChangeIsAudited() async throws {
        try await withApp { client in
            let team = try await team(client)
            _ = try await client.api(
                .delete, "/api/v1/organizations/\(team.id)/members/\(team.memberMemberId)", token: team.owner)
            let audit = try await client.api(.get, "/api/v1/organizations/\(team.id)/audit", token: team.admin)
            let actions = (try audit.json()["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
            #expect(actions == ["member.removed", "member.added", "member.added", "organization.created"])
        }
    }
}
