import Foundation

/// A fund with everything in it. The rules are checked against the whole book: a fund has tens of contributors
/// and projects and hundreds of transactions, small enough to read at once, and one read gives one consistent
/// state for every rule.
public struct FundBook: Sendable, Hashable {
    public var fund: Fund
    public var contributors: [Contributor]
    public var projects: [FundProject]
    public var commitments: [Commitment]
    public var cashFlows: [CashFlow]

    public init(
        fund: Fund, contributors: [Contributor] = [], projects: [FundProject] = [], commitments: [Commitment] = [],
        cashFlows: [CashFlow] = []
    ) {
        self.fund = fund
        self.contributors = contributors
        self.projects = projects
        self.commitments = commitments
        self.cashFlows = cashFlows
    }

    public func contributor(_ id: UUID) throws(FundError) -> Contributor {
        guard let contributor = contributors.first(where: { $0.id == id }) else { throw .contributorNotFound }
        return contributor
    }

    public func project(_ id: UUID) throws(FundError) -> FundProject {
        guard let project = projects.first(where: { $0.id == id }) else { throw .projectNotFound }
        return project
    }

    public func commitment(_ id: UUID) throws(FundError) -> Commitment {
        guard let commitment = commitments.first(where: { $0.id == id }) else { throw .commitmentNotFound }
        return commitment
    }

    /// What is left of a contributor's pledge: the pledge less every commitment as it was converted into the
    /// pledge's currency on its own day.
    public func remainingPledge(of contributor: Contributor) throws -> Money {
        let committed = commitments.filter { $0.contributorId == contributor.id }.map(\.inPledgeCurrency.converted)
        return try contributor.pledge.subtracting(Money.sum(committed, in: contributor.pledge.currency))
    }

    /// The total of one kind of flow under a commitment, in the commitment's currency.
    public func total(_ kind: CashFlowKind, under commitment: Commitment) throws -> Money {
        try Money.sum(
            cashFlows.filter { $0.commitmentId == commitment.id && $0.kind == kind }.map(\.amount),
            in: commitment.amount.currency)
    }

    /// Refuses a commitment to a project not taking any, or beyond the contributor's remaining pledge.
    public func check(_ commitment: Commitment) throws {
        let project = try project(commitment.projectId)
        guard project.stage.takesCommitments else { throw FundError.notTakingCommitments(project.stage) }
        let contributor = try contributor(commitment.contributorId)
        guard contributor.isConfirmed else { throw FundError.contributorNotConfirmed(contributor.status) }
        let remaining = try remainingPledge(of: contributor)
        if try commitment.inPledgeCurrency.converted.exceeds(remaining) {
            throw FundError.pledgeExceeded(remaining: remaining, asked: commitment.inPledgeCurrency.converted)
        }
    }

    /// Refuses a flow in another currency than its commitment's, dated before it, to a project not being paid,
    /// a disbursement beyond what remains of the commitment, or a repayment of nothing paid out.
    public func check(_ flow: CashFlow) throws {
        let commitment = try commitment(flow.commitmentId)
        guard flow.amount.currency == commitment.amount.currency else {
            throw FundError.wrongCurrency(expected: commitment.amount.currency, got: flow.amount.currency)
        }
        guard flow.day >= commitment.day else { throw FundError.beforeCommitment(commitment.day) }
        let project = try project(commitment.projectId)
        let disbursed = try total(.disbursement, under: commitment)
        switch flow.kind {
        case .disbursement:
            guard project.stage.takesDisbursements else { throw FundError.notTakingDisbursements(project.stage) }
            let remaining = try commitment.amount.subtracting(disbursed)
            if try flow.amount.exceeds(remaining) {
                throw FundError.commitmentExceeded(remaining: remaining, asked: flow.amount)
            }
        case .repayment:
            guard disbursed.isPositive else { throw FundError.nothingDisbursed }
        }
    }

    /// Refuses a move off the pipeline: only to the next stage, or to rejected before money is committed; and
    /// committed and disbursing only once money is committed or paid out.
    public func checkStageChange(of project: FundProject, to stage: ProjectStage) throws(FundError) {
        if stage == .rejected {
            guard project.stage.mayBeRejected else { throw .stageNotAllowed(from: project.stage, to: stage) }
            return
        }
        guard project.stage.next == stage else { throw .stageNotAllowed(from: project.stage, to: stage) }
        let projectCommitments = commitments.filter { $0.projectId == project.id }
        if stage == .committed, projectCommitments.isEmpty { throw .stageNeedsCommitment }
        if stage == .disbursing {
            let ids = Set(projectCommitments.map(\.id))
            guard cashFlows.contains(where: { ids.contains($0.commitmentId) && $0.kind == .disbursement }) else {
                throw .stageNeedsDisbursement
            }
        }
    }

    /// The book as a contributor sees it: the fund and its projects, but only its own pledges, commitments and
    /// the money moved under them.
    public func positions(of contributorIds: Set<UUID>) -> FundBook {
        let own = commitments.filter { contributorIds.contains($0.contributorId) }
        let ownIds = Set(own.map(\.id))
        return FundBook(
            fund: fund, contributors: contributors.filter { contributorIds.contains($0.id) }, projects: projects,
            commitments: own, cashFlows: cashFlows.filter { ownIds.contains($0.commitmentId) })
    }
}
