import Foundation

/// Reminds organisations of what waits for them: an expression of interest still unanswered three days before
/// its reply-by date, and an agreement open for signature that they have not signed, 3 and 7 days after it was
/// opened. A reminder is a notice, so it reaches the inbox, the webhooks and, as each member chose, their mail.
/// Each is stored once per occasion (`InboxRepository.add(_:once:)`), by whichever process comes first; `now`
/// is given, so tests drive the days.
public struct ReminderService: Sendable {
    /// Days after opening; a server that was down past several sends only the latest.
    public static let signatureReminderDays = [3, 7]
    /// How long before its reply-by date an unanswered interest is reminded of.
    public static let replyReminderLead: TimeInterval = 3 * 86_400

    let agreements: any AgreementRepository
    let interests: any InterestRepository
    let inbox: any InboxRepository

    public init(agreements: any AgreementRepository, interests: any InterestRepository, inbox: any InboxRepository) {
        self.agreements = agreements
        self.interests = interests
        self.inbox = inbox
    }

    /// Stores the reminders due at `now`; returns how many.
    @discardableResult
    public func sendReminders(now: Date) async throws -> Int {
        try await sendReplyReminders(now: now) + sendSignatureReminders(now: now)
    }

    /// The owners of each interest whose reply-by date is less than three days away; one that already expired
    /// is past helping.
    func sendReplyReminders(now: Date) async throws -> Int {
        var sent = 0
        for interest in try await interests.pendingInterests(replyBy: now..<now + Self.replyReminderLead) {
            let notice = Notice(
                organizationId: interest.ownerOrganizationId, kind: .replyReminder, interestId: interest.id,
                opportunityId: interest.opportunityId, actorName: "Silkbridge", at: now)
            if try await inbox.add(notice, once: "reply:\(interest.id.uuidString.lowercased())") { sent += 1 }
        }
        return sent
    }

    func sendSignatureReminders(now: Date) async throws -> Int {
        var sent = 0
        for agreement in try await agreements.agreements(in: [.openForSignature]) {
            guard let version = agreement.frozenVersion else { continue }
            let opened = agreement.openedAt ?? agreement.updatedAt
            guard
                let days = Self.signatureReminderDays.last(where: {
                    now >= opened.addingTimeInterval(TimeInterval($0) * 86_400)
                })
            else { continue }
            for party in agreement.parties where agreement.signature(of: party.organizationId) == nil {
                let notice = Notice(
                    organizationId: party.organizationId, kind: .signatureReminder, agreementId: agreement.id,
                    actorName: "Silkbridge", at: now)
                let occasion = "signature:\(agreement.id):v\(version):\(party.organizationId):\(days)d"
                if try await inbox.add(notice, once: occasion.lowercased()) { sent += 1 }
            }
        }
        return sent
    }
}
