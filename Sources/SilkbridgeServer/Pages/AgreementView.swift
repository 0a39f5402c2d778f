import Foundation
import SilkbridgeCore

/// What a list row and the head of an agreement page show, in the page's language.
struct AgreementView {
    struct Party {
        let name: String
        let side: String
        let signed: Bool
        let link: String
        /// Only a reason given opens the template's section; an empty string would too.
        let declineReason: String?
    }

    let link: String
    let title: String
    let kind: String
    let status: String
    let statusCode: String
    let parties: [Party]
    let partyNames: String
    let areas: String
    let termStart: String
    let termEnd: String
    let termMonths: Int
    let version: Int
    let digest: String
    let isDigestOnly: Bool

    init(summary agreement: Agreement, language: Language, now: Date = Date()) {
        let content = agreement.current.content
        let status = agreement.status(at: now)
        link = AgreementPaths.agreement(agreement.id)
        title = content.title.best(for: language)
        kind = agreement.kind.label.text(in: language)
        self.status = status.label.text(in: language)
        statusCode = status.rawValue
        parties = agreement.parties.map { party in
            Party(
                name: party.name.best(for: language), side: party.side.label.text(in: language),
                signed: agreement.signature(of: party.organizationId) != nil,
                link: SitePaths.organization(party.organizationId), declineReason: party.declineReason)
        }
        partyNames = agreement.parties.map { $0.name.best(for: language) }.joined(separator: " · ")
        areas = content.areas.joined(separator: ", ")
        termStart = AgreementDate.format(content.term.start)
        termEnd = AgreementDate.format(content.term.end)
        termMonths = content.term.durationMonths
        version = agreement.current.number
        digest = agreement.current.digest
        isDigestOnly = agreement.visibility == .digestOnly
    }
}
