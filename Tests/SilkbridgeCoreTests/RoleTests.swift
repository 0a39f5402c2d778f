import Testing

@testable import SilkbridgeCore

@Suite struct RoleTests {
    @Test func ownersOutrankAdminsWhoOutrankMembers() {
        #expect(Role.owner > .admin)
        #expect(Role.admin > .member)
        #expect(Role.admin.managesMembers)
        #expect(!Role.member.managesMembers)
    }

    @Test(arguments: [(-1, false), (0, false), (1, true), (100, true), (101, false)])
    func pagingAcceptsLimitsFromOneToAHundred(limit: Int, accepted: Bool) {
        #expect(((try? Paging(limit: limit)) != nil) == accepted)
    }
}
