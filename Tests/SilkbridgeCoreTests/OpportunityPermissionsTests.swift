import Foundation
import SilkbridgeCore
import Testing

struct OpportunityPermissionsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func opportunity(_ state: OpportunityStatus, expiresAt: Date? = nil) -> Opportunity {
        Opportunity(
            id: UUID(), organizationId: UUID(), side: .europe, country: "DE", type: .businessOffer,
            title: LocalizedText(english: "Meters"), summary: LocalizedText(english: "Smart meters."),
            description: LocalizedText(), areas: ["smart-energy"], subtopics: [], targetSides: [], targetCountries: [],
            partnershipTypes: [.distribution], stage: nil, ipStatus: nil, amount: nil, deadline: nil, state: state,
            publishedAt: nil, expiresAt: expiresAt, createdAt: now, updatedAt: now)
    }

    /// The buttons a page shows follow the opportunity's life: a draft is published, a published or expired one
    /// renewed, anything not closed closed, and only what is not over is edited.
    @Test func eachStateAllowsWhatItsNextStepsNeed() {
        let later = Self.now.addingTimeInterval(86_400)
        let earlier = Self.now.addingTimeInterval(-86_400)
        let cases: [(Opportunity, OpportunityPermissions)] = [
            (Self.opportunity(.draft), OpportunityPermissions(edit: true, publish: true, renew: false, close: true)),
            (
                Self.opportunity(.published, expiresAt: later),
                OpportunityPermissions(edit: true, publish: false, renew: true, close: true)
            ),
            (
                Self.opportunity(.published, expiresAt: earlier),
                OpportunityPermissions(edit: false, publish: false, renew: true, close: true)
            ),
            (Self.opportunity(.closed), .none),
        ]
        for (opportunity, expected) in cases {
            #expect(opportunity.permissions(at: Self.now) == expected, "\(opportunity.status(at: Self.now))")
        }
    }
}
