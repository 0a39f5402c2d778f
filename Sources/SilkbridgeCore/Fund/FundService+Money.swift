import Foundation

extension FundService {
    /// Records a contributor's commitment to a project, converted at the ECB rate of its day, within what is left
    /// of the pledge, and appends it to the trust ledger; managers only. The first commitment moves an approved
    /// project to committed.
    ///
    /// The commitment is stored first, then appended, then its ledger index recorded: a commitment refused when
    /// it lost a race with another never reaches the ledger, and one stored just before a crash is appended when
    /// the server starts again (`recordPendingCommitments`).
    public func commit(_ fundId: UUID, _ input: NewCommitment, by account: Account, now: Date = Date())
        async throws -> Commitment
    {
        var validator = Validator()
        let amount = input.amount.money("amount", into: &validator)
        let day = validator.day(input.day, field: "day", now: now)
        let conditions = input.conditions.trimmingCharacters(in: .whitespacesAndNewlines)
        validator.checkText(conditions, field: "conditions", maxLength: 5000)
        try validator.finish()
        let table = try await rates.table()
        var recorded: (Commitment, Contributor)?
        _ = try await change(fundId, by: account, now: now) { book in
            let contributor = try book.contributor(input.contributorId)
            var project = try book.project(input.projectId)
            let commitment = Commitment(
                id: UUID(), fundId: fundId, projectId: project.id, contributorId: contributor.id, amount: amount!,
                day: day!, conditions: conditions,
                inFundCurrency: try table.convert(amount!, to: book.fund.reportingCurrency, on: day!),
                inPledgeCurrency: try table.convert(amount!, to: contributor.pledge.currency, on: day!),
                ledgerIndex: nil, recordedBy: account.displayName, recordedAt: now)
            try book.check(commitment)
            recorded = (commitment, contributor)
            var change = FundChange(commitments: [commitment])
            if project.stage == .approved {
                advance(&project, to: .committed, by: account, now: now)
                change.projects = [project]
            }
            let detail =
                "\(project.title.best(for: .english)): \(contributor.name.best(for: .english)) commits \(amount!) "
                + "on \(day!), commitment \(commitment.id.uuidString.lowercased())"
            return (
                change,
                [
                    directory.audit(book.fund.managerOrganizationId, account, "fund.commitment", detail, now),
                    directory.audit(contributor.organizationId, account, "fund.commitment", detail, now),
                ]
            )
        }
        let (commitment, contributor) = recorded!
        return try await appendToLedger(commitment, of: contributor)
    }

    /// Appends the commitments stored without a ledger index (the server stopped between storing and appending),
    /// or records the index of those whose entry the ledger already holds; run at start. Returns how many.
    public func recordPendingCommitments() async throws -> Int {
        var recorded = 0
        for pending in try await repository.commitmentsAwaitingLedger() {
            guard let book = try await repository.book(of: pending.fundId) else { continue }
            _ = try await appendToLedger(pending, of: try book.contributor(pending.contributorId), recovering: true)
            recorded += 1
        }
        return recorded
    }

    private func appendToLedger(_ commitment: Commitment, of contributor: Contributor, recovering: Bool = false)
        async throws -> Commitment
    {
        let entry = try FundLedgerEntry.commitment(
            commitment, by: contributor, conditionsDigest: scheme.sha256(Data(commitment.conditions.utf8))
        ).data
        // A new commitment's entry names a fresh id, so only one found pending may already be in the ledger.
        var index = recovering ? try await ledger.index(of: entry) : nil
        if index == nil { index = try await ledger.append(entry) }
        try await repository.recordLedgerIndex(index!, ofCommitment: commitment.id)
        var appended = commitment
        appended.ledgerIndex = index
        return appended
    }

    /// Records a disbursement against a commitment (never beyond it) or a repayment under it; managers only.
    /// The first disbursement moves a committed project to disbursing.
    public func record(_ fundId: UUID, _ input: NewCashFlow, by account: Account, now: Date = Date())
        async throws -> CashFlow
    {
        var validator = Validator()
        let amount = input.amount.money("amount", into: &validator)
        let day = validator.day(input.day, field: "day", now: now)
        let note = input.note.trimmingCharacters(in: .whitespacesAndNewlines)
        validator.checkText(note, field: "note", maxLength: 2000)
        try validator.finish()
        let table = try await rates.table()
        let id = UUID()
        var recorded: CashFlow?
        _ = try await change(fundId, by: account, now: now) { book in
            let commitment = try book.commitment(input.commitmentId)
            let contributor = try book.contributor(commitment.contributorId)
            var project = try book.project(commitment.projectId)
            let flow = CashFlow(
                id: id, fundId: fundId, commitmentId: commitment.id, kind: input.kind, amount: amount!, day: day!,
                note: note, inFundCurrency: try table.convert(amount!, to: book.fund.reportingCurrency, on: day!),
                recordedBy: account.displayName, recordedAt: now)
            try book.check(flow)
            recorded = flow
            var change = FundChange(cashFlows: [flow])
            if flow.kind == .disbursement, project.stage == .committed {
                advance(&project, to: .disbursing, by: account, now: now)
                change.projects = [project]
            }
            let detail =
                "\(project.title.best(for: .english)): \(input.kind.rawValue) of \(amount!) on \(day!) for "
                + contributor.name.best(for: .english)
            return (
                change,
                [
                    directory.audit(
                        book.fund.managerOrganizationId, account, "fund.\(input.kind.rawValue)", detail, now),
                    directory.audit(contributor.organizationId, account, "fund.\(input.kind.rawValue)", detail, now),
                ]
            )
        }
        return recorded!
    }

    /// The portfolio report in EUR or CNY, of what the viewer may see: the whole fund for its managers and staff,
    /// a contributor's own positions for its members.
    public func report(of fundId: UUID, currency code: String, viewer: Account?) async throws -> FundReport {
        guard let currency = CurrencyCode(code: code) else { throw MoneyError.unknownCurrency(code) }
        guard CurrencyCode.reporting.contains(currency) else { throw FundError.reportCurrency(currency) }
        let (book, _) = try await book(of: fundId, viewer: viewer)
        return try FundReport(book: book, currency: currency, rates: try await rates.table(), catalog: catalog)
    }

    private func advance(_ project: inout FundProject, to stage: ProjectStage, by account: Account, now: Date) {
        project.history.append(
            StageChange(from: project.stage, to: stage, reason: nil, actorName: account.displayName, at: now))
        project.stage = stage
        project.updatedAt = now
    }
}
