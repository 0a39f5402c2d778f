import Foundation

/// What one change to a fund adds or replaces: stored together, with the fund's new revision, or not at all.
public struct FundChange: Sendable, Hashable {
    /// Contributors to insert or replace.
    public var contributors: [Contributor] = []
    /// Projects to insert or replace.
    public var projects: [FundProject] = []
    public var commitments: [Commitment] = []
    public var cashFlows: [CashFlow] = []

    public init(
        contributors: [Contributor] = [], projects: [FundProject] = [], commitments: [Commitment] = [],
        cashFlows: [CashFlow] = []
    ) {
        self.contributors = contributors
        self.projects = projects
        self.commitments = commitments
        self.cashFlows = cashFlows
    }
}

/// Where funds live; every change is stored with its audit events.
public protocol FundRepository: Sendable {
    func insert(_ fund: Fund, audit: [AuditEvent]) async throws
    func fund(id: UUID) async throws -> Fund?
    /// The funds managed by, or with a confirmed contributor among, the organisations.
    func funds(involving organizations: Set<UUID>) async throws -> [Fund]
    /// The contributors of these organisations with this status, with their funds.
    func contributors(of organizations: Set<UUID>, status: ContributorStatus) async throws -> [(Fund, Contributor)]
    func book(of fundId: UUID) async throws -> FundBook?
    /// Stores the change and the fund (its name, `updatedAt` and `revision`) if the stored revision is still
    /// `fund.revision - 1`; false if another change landed in between, and nothing is stored.
    func apply(_ change: FundChange, to fund: Fund, audit: [AuditEvent]) async throws -> Bool
    /// Records where a stored commitment sits in the trust ledger.
    func recordLedgerIndex(_ index: UInt64, ofCommitment id: UUID) async throws
    /// The commitments stored but not yet recorded in the ledger, oldest first.
    func commitmentsAwaitingLedger() async throws -> [Commitment]
}

/// Where the ECB reference rates live.
public protocol ExchangeRateRepository: Sendable {
    func table() async throws -> ExchangeRateTable
    /// Adds the table's days, replacing the rates of days already stored; returns how many days were new.
    func store(_ table: ExchangeRateTable) async throws -> Int
    /// How many days are stored and the newest, to tell cheaply whether the table changed.
    func summary() async throws -> RateSummary
}

/// How many days of rates are stored, and the newest.
public struct RateSummary: Sendable, Hashable {
    public let days: Int
    public let lastDay: CalendarDay?

    public init(days: Int, lastDay: CalendarDay?) {
        self.days = days
        self.lastDay = lastDay
    }
}
