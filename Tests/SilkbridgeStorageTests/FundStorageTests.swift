import FluentKit
import Foundation
import SQLKit
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeStorage

/// Remembers what was appended, in order.
actor RecordingLedger: LedgerAppending {
    private(set) var entries: [Data] = []

    func append(_ entry: Data) async throws -> UInt64 {
        entries.append(entry)
        return UInt64(entries.count - 1)
    }

    func index(of entry: Data) async throws -> UInt64? { entries.firstIndex(of: entry).map { UInt64($0) } }
}

struct FixedDigest: SignatureScheme {
    func sha256(_ data: Data) -> String { String(repeating: "ab", count: 32) }
    func isValid(signature: Data, of message: Data, publicKey: Data) -> Bool { false }
}

@Suite(.timeLimit(.minutes(10))) struct FundStorageTests {
    static let catalog = ReferenceCatalog(
        areas: [Area(code: "smart-energy", label: LocalizedText(english: "Smart energy"), subtopics: [])],
        countries: [
            Country(code: "DE", name: LocalizedText(english: "Germany"), side: .europe),
            Country(code: "CN", name: LocalizedText(english: "China"), side: .china),
        ],
        provinces: [])
    static let rates = ExchangeRateTable(rates: [
        CalendarDay("2026-10-30")!: [.cny: Decimal(string: "7.4326")!],
        CalendarDay("2026-10-29")!: [.cny: Decimal(string: "7.4144")!],
    ])
    // 30 November 2026: after every day the tests record, as a clock must be.
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    struct World {
        let service: FundService
        let ledger: RecordingLedger
        let manager: Account
        let managing: Organization
        let contributorAccount: Account
        let contributing: Organization
        let outsider: Account
    }

    func world(_ db: SilkbridgeDatabase) async throws -> World {
        func member(_ name: String, country: String) async throws -> (Account, Organization) {
            let account = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let organization = Fixtures.organization(name, country: country)
            try await db.directory.create(
                organization, owner: Fixtures.owner(of: organization, account),
                audit: Fixtures.audit(organization, account, "organization.created"))
            return (account, organization)
        }
        let (manager, managing) = try await member("ChinaEU", country: "BE")
        let (contributorAccount, contributing) = try await member("CIDF", country: "CN")
        let (outsider, _) = try await member("Someone", country: "DE")
        let ledger = RecordingLedger()
        let table = Self.rates
        let service = FundService(
            repository: db.funds,
            directory: DirectoryService(repository: db.directory, catalog: Self.catalog, links: Fixtures.links),
            rates: ExchangeRates(repository: db.exchangeRates, seed: { table }), ledger: ledger,
            scheme: FixedDigest(), catalog: Self.catalog)
        return World(
            service: service, ledger: ledger, manager: manager, managing: managing,
            contributorAccount: contributorAccount, contributing: contributing, outsider: outsider)
    }

    /// A fund with a Chinese contributor and an approved project in Germany.
    func fund(in world: World) async throws -> (Fund, Contributor, FundProject) {
        let service = world.service
        let fund = try await service.create(
            NewFund(
                name: LocalizedText(english: "Silk Road Digital Fund", chinese: "丝路数字基金"), reportingCurrency: "EUR",
                managerOrganizationId: world.managing.id), by: world.manager, now: Self.now)
        let contributor = try await service.addContributor(
            fund.id,
            NewContributor(
                organizationId: world.contributing.id, pledge: MoneyInput(amount: "10000000", currency: "CNY"),
                pledgedOn: "2026-10-29"), by: world.manager, now: Self.now)
        let confirmed = try await service.answer(
            invitation: contributor.id, of: fund.id, confirming: true, by: world.contributorAccount, now: Self.now)
        var project = try await service.addProject(
            fund.id,
            NewProject(
                title: LocalizedText(english: "Smart grid Munich", chinese: "慕尼黑智能电网"), description: LocalizedText(),
                sponsorIds: [world.managing.id], area: "smart-energy", countries: ["DE"],
                requested: MoneyInput(amount: "1250000.50", currency: "EUR")), by: world.manager, now: Self.now)
        for stage in [ProjectStage.screening, .dueDiligence, .approved] {
            project = try await service.changeStage(
                fund.id, project: project.id, to: stage, by: world.manager, now: Self.now)
        }
        return (fund, confirmed, project)
    }

    @Test(arguments: TestDatabase.available)
    func aFundIsStoredWithExactAmounts(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let (fund, contributor, project) = try await fund(in: world)
            let commitment = try await world.service.commit(
                fund.id,
                NewCommitment(
                    projectId: project.id, contributorId: contributor.id,
                    amount: MoneyInput(amount: "1000000.01", currency: "EUR"), day: "2026-10-31",
                    conditions: "Subject to grid permits."), by: world.manager, now: Self.now)
            // A Saturday: the conversion uses Friday's rate and says so.
            #expect(commitment.inPledgeCurrency.rateDate == CalendarDay("2026-10-30"))
            #expect(commitment.inPledgeCurrency.converted.text == "7432600.07")
            #expect(commitment.ledgerIndex == 0)
            _ = try await world.service.record(
                fund.id,
                NewCashFlow(
                    commitmentId: commitment.id, kind: .disbursement,
                    amount: MoneyInput(amount: "250000.25", currency: "EUR"), day: "2026-11-02"),
                by: world.manager, now: Self.now)

            let (book, access) = try await world.service.book(of: fund.id, viewer: world.manager)
            #expect(access == .manager)
            // Created, contributor named and confirmed, project added and moved three times, committed, disbursed.
            #expect(book.fund.revision == 8)
            #expect(book.contributors == [contributor])
            #expect(book.commitments == [commitment])
            #expect(book.projects.first?.requested.text == "1250000.50")
            // The first commitment and the first disbursement moved the project along.
            #expect(book.projects.first?.stage == .disbursing)
            #expect(
                book.projects.first?.history.map(\.to) == [
                    .screening, .dueDiligence, .approved, .committed, .disbursing,
                ])
            #expect(book.cashFlows.first?.amount.text == "250000.25")

            // Amounts are integers of minor units and decimal strings, never floating point.
            let sql = db.database as! any SQLDatabase
            let row = try await sql.select().column("amount_minor").column("fund_amount_minor").column("document")
                .from("fund_commitments").first()!
            #expect(try row.decode(column: "amount_minor", as: Int64.self) == 100_000_001)
            #expect(try row.decode(column: "fund_amount_minor", as: Int64.self) == 100_000_001)
            #expect(try row.decode(column: "document", as: String.self).contains("\"amount\":\"1000000.01\""))
            let projectRow = try await sql.select().column("requested_minor").from("fund_projects").first()!
            #expect(try projectRow.decode(column: "requested_minor", as: Int64.self) == 125_000_050)
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyManagersChangeTheFundAndContributorsSeeTheirOwn(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let (fund, contributor, project) = try await fund(in: world)
            await #expect(throws: FundError.notFundManager) {
                try await world.service.changeStage(
                    fund.id, project: project.id, to: .rejected, reason: "No", by: world.contributorAccount)
            }
            await #expect(throws: FundError.fundNotFound) {
                try await world.service.book(of: fund.id, viewer: world.outsider)
            }
            await #expect(throws: FundError.fundNotFound) {
                try await world.service.report(of: fund.id, currency: "EUR", viewer: nil)
            }
            // A second contributor, whose commitment the first must not see.
            let other = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let bank = Fixtures.organization("EU Bank", country: "LU")
            try await db.directory.create(
                bank, owner: Fixtures.owner(of: bank, other), audit: Fixtures.audit(bank, other, "organization.created")
            )
            let european = try await world.service.addContributor(
                fund.id,
                NewContributor(
                    organizationId: bank.id, pledge: MoneyInput(amount: "2000000", currency: "EUR"),
                    pledgedOn: "2026-10-29"), by: world.manager, now: Self.now)
            _ = try await world.service.answer(invitation: european.id, of: fund.id, confirming: true, by: other)
            for (who, amount) in [(contributor, "100.00"), (european, "200.00")] {
                _ = try await world.service.commit(
                    fund.id,
                    NewCommitment(
                        projectId: project.id, contributorId: who.id,
                        amount: MoneyInput(amount: amount, currency: "EUR"), day: "2026-10-30"),
                    by: world.manager, now: Self.now)
            }
            let (seen, access) = try await world.service.book(of: fund.id, viewer: world.contributorAccount)
            #expect(access == .contributor([contributor.id]))
            #expect(seen.commitments.map(\.contributorId) == [contributor.id])
            #expect(seen.contributors.map(\.id) == [contributor.id])
            let report = try await world.service.report(of: fund.id, currency: "EUR", viewer: world.contributorAccount)
            #expect(report.totals.committed.text == "100.00")
            let full = try await world.service.report(of: fund.id, currency: "EUR", viewer: world.manager)
            #expect(full.totals.committed.text == "300.00")
            await #expect(throws: FundError.reportCurrency(CurrencyCode(code: "USD")!)) {
                try await world.service.report(of: fund.id, currency: "USD", viewer: world.manager)
            }
            #expect(await world.ledger.entries.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyRuleIsRefusedAndNothingIsStored(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let (fund, contributor, project) = try await fund(in: world)
            let service = world.service
            let commit = { (amount: String, currency: String, day: String) in
                try await service.commit(
                    fund.id,
                    NewCommitment(
                        projectId: project.id, contributorId: contributor.id,
                        amount: MoneyInput(amount: amount, currency: currency), day: day),
                    by: world.manager, now: Self.now)
            }
            // 10,000,000 CNY is 1,348,726.80 EUR at 7.4144 (which is 9,999,999.99 CNY back); a cent more is over.
            await #expect(throws: FundError.self) { try await commit("1348726.81", "EUR", "2026-10-29") }
            let commitment = try await commit("1348726.80", "EUR", "2026-10-29")
            await #expect(throws: FundError.self) { try await commit("0.02", "CNY", "2026-10-29") }
            await #expect(
                throws: ExchangeRateError.beforeFirstRate(
                    CalendarDay("2020-06-01")!, first: CalendarDay("2026-10-29")!)
            ) { try await commit("1", "EUR", "2020-06-01") }
            // Before the euro's first reference rate no table has one: the day itself is refused.
            await #expect(throws: ValidationError.self) { try await commit("1", "EUR", "1998-06-01") }
            await #expect(throws: ValidationError.self) { try await commit("1,000", "EUR", "2026-10-29") }
            await #expect(throws: ValidationError.self) { try await commit("-5", "EUR", "2026-10-29") }
            let flow = { (amount: String) in
                try await service.record(
                    fund.id,
                    NewCashFlow(
                        commitmentId: commitment.id, kind: .disbursement,
                        amount: MoneyInput(amount: amount, currency: "EUR"), day: "2026-10-30"),
                    by: world.manager, now: Self.now)
            }
            await #expect(
                throws: FundError.commitmentExceeded(
                    remaining: try Money("1348726.80", currency: .eur), asked: try Money("1348726.81", currency: .eur))
            ) {
                try await flow("1348726.81")
            }
            await #expect(throws: FundError.stageNotAllowed(from: .committed, to: .rejected)) {
                try await service.changeStage(
                    fund.id, project: project.id, to: .rejected, reason: "Late", by: world.manager)
            }
            await #expect(throws: ValidationError.self) {
                try await service.addDocument(
                    fund.id, project: project.id, name: "Plan", sha256: "xyz", by: world.manager)
            }
            let (book, _) = try await service.book(of: fund.id, viewer: world.manager)
            #expect(book.commitments.count == 1)
            #expect(book.cashFlows.isEmpty)
            #expect(try book.remainingPledge(of: contributor).text == "0.01")
        }
    }

    @Test func pledgesAndRequestsNeedRatesTheReportsCanUse() async throws {
        try await TestDatabase.sqlite.withDatabase { db in
            let world = try await world(db)
            let (fund, _, _) = try await fund(in: world)
            let other = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            let bank = Fixtures.organization("EU Bank", country: "LU")
            try await db.directory.create(
                bank, owner: Fixtures.owner(of: bank, other), audit: Fixtures.audit(bank, other, "organization.created")
            )
            let pledge = { (amount: MoneyInput, day: String) in
                try await world.service.addContributor(
                    fund.id, NewContributor(organizationId: bank.id, pledge: amount, pledgedOn: day),
                    by: world.manager, now: Self.now)
            }
            await #expect(
                throws: ExchangeRateError.noRateYet(CalendarDay("2026-11-20")!, latest: CalendarDay("2026-10-30")!)
            ) { try await pledge(MoneyInput(amount: "1", currency: "EUR"), "2026-11-20") }
            await #expect(throws: ExchangeRateError.unknownCurrency(CurrencyCode(code: "XYZ")!)) {
                try await pledge(MoneyInput(amount: "1", currency: "XYZ"), "2026-10-30")
            }
            await #expect(throws: ExchangeRateError.unknownCurrency(CurrencyCode(code: "XYZ")!)) {
                try await world.service.addProject(
                    fund.id,
                    NewProject(
                        title: LocalizedText(english: "Odd"), description: LocalizedText(), sponsorIds: [bank.id],
                        area: "smart-energy", countries: ["LU"], requested: MoneyInput(amount: "1", currency: "XYZ")),
                    by: world.manager, now: Self.now)
            }
            await #expect(throws: FundError.alreadyContributor) {
                try await world.service.addContributor(
                    fund.id,
                    NewContributor(
                        organizationId: world.contributing.id, pledge: MoneyInput(amount: "1", currency: "CNY"),
                        pledgedOn: "2026-10-30"), by: world.manager, now: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoCommitmentsThatEachFitButNotTogetherDoNotBothLand(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let (fund, contributor, project) = try await fund(in: world)
            let commit = { @Sendable () async -> Result<Commitment, any Error> in
                do {
                    return .success(
                        try await world.service.commit(
                            fund.id,
                            NewCommitment(
                                projectId: project.id, contributorId: contributor.id,
                                amount: MoneyInput(amount: "6000000", currency: "CNY"), day: "2026-10-30"),
                            by: world.manager, now: Self.now))
                } catch {
                    return .failure(error)
                }
            }
            async let first = commit()
            async let second = commit()
            let results = await [first, second]
            #expect(results.filter { (try? $0.get()) != nil }.count == 1)
            let refused = results.compactMap { result -> FundError? in
                guard case .failure(let error) = result else { return nil }
                return error as? FundError
            }
            #expect(
                refused == [
                    .pledgeExceeded(
                        remaining: try Money("4000000.00", currency: .cny),
                        asked: try Money("6000000.00", currency: .cny))
                ])
            let (book, _) = try await world.service.book(of: fund.id, viewer: world.manager)
            #expect(book.commitments.count == 1)
            // The refused one never reached the ledger.
            #expect(await world.ledger.entries.count == 1)
            #expect(book.commitments.first?.ledgerIndex == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func commitmentsStoredBeforeAStopAreAppendedOnceAtStart(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let (fund, contributor, project) = try await fund(in: world)
            // Two commitments stored as a crash would leave them: not yet in the ledger, one of them appended
            // just before the stop.
            let table = Self.rates
            func pending(_ amount: String) throws -> Commitment {
                let money = try Money(amount, currency: .eur)
                let day = CalendarDay("2026-10-30")!
                return Commitment(
                    id: UUID(), fundId: fund.id, projectId: project.id, contributorId: contributor.id, amount: money,
                    day: day, conditions: "", inFundCurrency: try table.convert(money, to: .eur, on: day),
                    inPledgeCurrency: try table.convert(money, to: .cny, on: day), ledgerIndex: nil,
                    recordedBy: "Anna", recordedAt: Self.now)
            }
            let first = try pending("100.00")
            let second = try pending("200.00")
            var stored = try await db.funds.fund(id: fund.id)!
            stored.revision += 1
            #expect(try await db.funds.apply(FundChange(commitments: [first, second]), to: stored, audit: []))
            let entry = try FundLedgerEntry.commitment(
                second, by: contributor, conditionsDigest: FixedDigest().sha256(Data())
            ).data
            let appendedBeforeStop = try await world.ledger.append(entry)

            #expect(try await world.service.recordPendingCommitments() == 2)
            #expect(await world.ledger.entries.count == 2)
            let book = try await db.funds.book(of: fund.id)!
            #expect(book.commitments.first { $0.id == second.id }?.ledgerIndex == appendedBeforeStop)
            #expect(book.commitments.first { $0.id == first.id }?.ledgerIndex == 1)
            #expect(try await world.service.recordPendingCommitments() == 0)
            #expect(await world.ledger.entries.count == 2)
        }
    }

    @Test func staffReadsRejectionsAreFinalAndEveryChangeIsAudited() async throws {
        try await TestDatabase.sqlite.withDatabase { db in
            let world = try await world(db)
            let (fund, contributor, project) = try await fund(in: world)
            // A plain member of the managing organisation reads the whole fund but changes nothing.
            let staff = try await db.accounts.create(Fixtures.account(), passwordHash: "x")
            try await db.directory.save(
                Membership(
                    id: UUID(), organizationId: world.managing.id, accountId: staff.id, email: staff.email,
                    displayName: staff.displayName, role: .member, createdAt: Self.now),
                audit: Fixtures.audit(world.managing, world.manager, "member.added"))
            #expect(try await world.service.book(of: fund.id, viewer: staff).1 == .staff)
            await #expect(throws: FundError.notFundManager) {
                try await world.service.changeStage(fund.id, project: project.id, to: .committed, by: staff)
            }
            let rejected = try await world.service.changeStage(
                fund.id, project: project.id, to: .rejected, reason: "Grid permit refused", by: world.manager,
                now: Self.now)
            #expect(rejected.rejectionReason == "Grid permit refused")
            #expect(rejected.history.last?.reason == "Grid permit refused")
            await #expect(throws: FundError.notTakingCommitments(.rejected)) {
                try await world.service.commit(
                    fund.id,
                    NewCommitment(
                        projectId: project.id, contributorId: contributor.id,
                        amount: MoneyInput(amount: "1", currency: "EUR"), day: "2026-10-30"),
                    by: world.manager, now: Self.now)
            }
            await #expect(throws: FundError.stageNotAllowed(from: .rejected, to: .screening)) {
                try await world.service.changeStage(fund.id, project: project.id, to: .screening, by: world.manager)
            }
            let managing = try await db.directory.auditTrail(of: world.managing.id, page: try Paging(limit: 100))
            #expect(
                Set(managing.items.map(\.action)).isSuperset(
                    of: [
                        "fund.created", "fund.contributor.invited", "fund.contributor.confirmed", "fund.project.added",
                        "fund.project.stage.rejected",
                    ])
            )
            let contributing = try await db.directory.auditTrail(of: world.contributing.id, page: try Paging())
            #expect(
                Set(contributing.items.map(\.action)).isSuperset(
                    of: ["fund.contributor.invited", "fund.contributor.confirmed"]))
        }
    }

    /// Finding: a manager named any organisation as contributor, and the fund then showed in its list of funds.
    @Test(arguments: TestDatabase.available)
    func anOrganisationIsAContributorOnlyOnceItConfirms(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let service = world.service
            let fund = try await service.create(
                NewFund(
                    name: LocalizedText(english: "Silk Road Digital Fund"), reportingCurrency: "EUR",
                    managerOrganizationId: world.managing.id), by: world.manager, now: Self.now)
            func invite() async throws -> Contributor {
                try await service.addContributor(
                    fund.id,
                    NewContributor(
                        organizationId: world.contributing.id, pledge: MoneyInput(amount: "500", currency: "CNY"),
                        pledgedOn: "2026-10-29"), by: world.manager, now: Self.now)
            }
            let invited = try await invite()
            #expect(invited.status == .invited)
            #expect(try await service.funds(of: world.contributorAccount).isEmpty)
            #expect(try await service.invitations(of: world.contributorAccount).map(\.1.id) == [invited.id])
            #expect(try await service.invitations(of: world.outsider).isEmpty)
            let report = try await service.report(of: fund.id, currency: "EUR", viewer: world.manager)
            #expect(report.byContributor.isEmpty)

            // Nobody answers for the organisation but its owners and admins: not the manager, not an outsider.
            await #expect(throws: DirectoryError.notAMember) {
                try await service.answer(invitation: invited.id, of: fund.id, confirming: true, by: world.manager)
            }
            await #expect(throws: FundError.fundNotFound) {
                try await service.answer(invitation: invited.id, of: fund.id, confirming: true, by: world.outsider)
            }
            let declined = try await service.answer(
                invitation: invited.id, of: fund.id, confirming: false, by: world.contributorAccount)
            #expect(declined.status == .declined)
            await #expect(throws: FundError.invitationAnswered(.declined)) {
                try await service.answer(
                    invitation: invited.id, of: fund.id, confirming: true, by: world.contributorAccount)
            }
            #expect(try await service.funds(of: world.contributorAccount).isEmpty)

            // Asked again, it confirms: now it is a contributor, in its list and the fund's report.
            let again = try await invite()
            #expect(again.id == invited.id && again.status == .invited)
            _ = try await service.answer(
                invitation: again.id, of: fund.id, confirming: true, by: world.contributorAccount)
            #expect(try await service.funds(of: world.contributorAccount).map(\.id) == [fund.id])
            #expect(try await service.invitations(of: world.contributorAccount).isEmpty)
            let after = try await service.report(of: fund.id, currency: "CNY", viewer: world.manager)
            #expect(after.byContributor.map(\.pledged?.text) == ["500.00"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aStaleRevisionStoresNothing(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let world = try await world(db)
            let (fund, _, project) = try await fund(in: world)
            var stale = try await db.funds.fund(id: fund.id)!
            var renamed = project
            renamed.title = LocalizedText(english: "Lost")
            #expect(try await !db.funds.apply(FundChange(projects: [renamed]), to: stale, audit: []))
            stale.revision += 1
            #expect(try await db.funds.apply(FundChange(projects: [renamed]), to: stale, audit: []))
            #expect(try await db.funds.book(of: fund.id)?.projects.first?.title.english == "Lost")
        }
    }

    @Test(arguments: TestDatabase.available)
    func ratesAreStoredExactlyAndNewerDaysReplaceOlder(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let repository = db.exchangeRates
            #expect(try await repository.summary() == RateSummary(days: 0, lastDay: nil))
            #expect(try await repository.store(Self.rates) == 2)
            #expect(try await repository.table() == Self.rates)
            let newer = ExchangeRateTable(rates: [
                CalendarDay("2026-10-30")!: [.cny: Decimal(string: "7.43261234")!],
                CalendarDay("2026-11-02")!: [.cny: Decimal(string: "7.4")!],
            ])
            #expect(try await repository.store(newer) == 1)
            #expect(try await repository.summary() == RateSummary(days: 3, lastDay: CalendarDay("2026-11-02")))
            let table = try await repository.table()
            #expect(try table.rate(of: .cny, on: CalendarDay("2026-10-30")!).rate == Decimal(string: "7.43261234"))
            #expect(try table.rate(of: .cny, on: CalendarDay("2026-10-29")!).rate == Decimal(string: "7.4144"))
        }
    }
}
