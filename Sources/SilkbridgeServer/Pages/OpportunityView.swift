import Foundation
import SilkbridgeCore

/// An opportunity as a page shows it, every label already in the page's language.
struct OpportunityView {
    let id: String
    let link: String
    let title: String
    let otherTitle: String?
    let summary: String
    let description: String?
    let type: String
    let status: String
    let statusCode: String
    let side: String
    let sideCode: String
    let areas: [String]
    let subtopics: [String]
    let partnerships: [String]
    let targets: String?
    let stage: String?
    let ipStatus: String?
    let amount: String?
    let deadline: String?
    let expiresAt: String?
    let expiresSoon: Bool

    init(_ opportunity: Opportunity, catalog: ReferenceCatalog, language: Language, now: Date = Date()) {
        id = opportunity.id.uuidString.lowercased()
        link = ExchangePaths.opportunity(opportunity.id)
        title = opportunity.title.best(for: language)
        let other = opportunity.title[language == .english ? .simplifiedChinese : .english]
        otherTitle = other == title ? nil : other
        summary = opportunity.summary.best(for: language)
        description = opportunity.description.isEmpty ? nil : opportunity.description.best(for: language)
        type = opportunity.type.label.text(in: language)
        let current = opportunity.status(at: now)
        status = current.label.text(in: language)
        statusCode = current.rawValue
        side = opportunity.side.label.text(in: language)
        sideCode = opportunity.side.rawValue
        areas = opportunity.areas.map { catalog.area($0)?.label.best(for: language) ?? $0 }
        let allSubtopics = opportunity.areas.compactMap(catalog.area).flatMap(\.subtopics)
        subtopics = opportunity.subtopics.map { code in
            allSubtopics.first { $0.code == code }?.label.best(for: language) ?? code
        }
        partnerships = opportunity.partnershipTypes.map { $0.label.text(in: language) }
        let targetNames =
            opportunity.targetSides.map { $0.label.text(in: language) }
            + opportunity.targetCountries.map { catalog.country($0)?.name.best(for: language) ?? $0 }
        targets = targetNames.isEmpty ? nil : targetNames.joined(separator: language == .english ? ", " : "、")
        stage = opportunity.stage?.label.text(in: language)
        ipStatus = opportunity.ipStatus?.label.text(in: language)
        amount = opportunity.amount.map { amount in
            let range = [amount.minimum, amount.maximum].compactMap { $0.map(String.init) }.joined(separator: "–")
            return "\(range) \(amount.currency.rawValue)"
        }
        deadline = opportunity.deadline.map(Self.day)
        expiresAt = opportunity.expiresAt.map(Self.day)
        expiresSoon = opportunity.expiresSoon(at: now)
    }

    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

/// An expression of interest as a page shows it.
struct InterestView {
    let id: String
    let link: String
    let opportunityLink: String
    let opportunityTitle: String
    let owner: String
    let sender: String
    let message: String
    let status: String
    let statusCode: String
    let stage: String?
    let replyBy: String
    let isPending: Bool

    init(
        _ interest: Interest, opportunity: Opportunity?, names: [UUID: String], language: Language,
        now: Date = Date()
    ) {
        id = interest.id.uuidString.lowercased()
        link = ExchangePaths.interest(interest.id)
        opportunityLink = ExchangePaths.opportunity(interest.opportunityId)
        opportunityTitle = opportunity?.title.best(for: language) ?? ""
        owner = names[interest.ownerOrganizationId] ?? ""
        sender = names[interest.senderOrganizationId] ?? ""
        message = interest.message
        let current = interest.status(at: now)
        status = current.label.text(in: language)
        statusCode = current.rawValue
        stage = interest.stage?.label.text(in: language)
        replyBy = OpportunityView.day(interest.replyBy)
        isPending = current == .pending
    }
}
