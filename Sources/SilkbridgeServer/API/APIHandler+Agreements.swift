import Foundation
import SilkbridgeAPI
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeLedgerClient

/// Agreements: drafts, versions, signatures and the public register.
protocol AgreementsAPI: FeatureAPI {
    var agreements: AgreementService { get }
    var ledger: LedgerHost { get }
}

extension AgreementsAPI {
    func listAgreements(_ input: Operations.ListAgreements.Input) async throws -> Operations.ListAgreements.Output {
        let query = input.query
        let filter = AgreementFilter(
            kind: query.kind.flatMap { AgreementKind(rawValue: $0.rawValue) },
            status: query.status.flatMap { AgreementStatus(rawValue: $0.rawValue) }, area: query.area?.rawValue,
            organizationId: try query.organization.map { try organizationId($0) },
            side: query.side.flatMap { Side(rawValue: $0.rawValue) }, query: query.q)
        let page = try await agreements.register(filter, page: try Paging(limit: query.limit, cursor: query.cursor))
        let items = try await wire(page.items)
        return .ok(.init(body: .json(.init(items: items, nextCursor: page.nextCursor))))
    }

    func listMyAgreements(_ input: Operations.ListMyAgreements.Input) async throws
        -> Operations.ListMyAgreements.Output
    {
        let items = try await wire(try await agreements.agreements(of: try requireAccount()))
        return .ok(.init(body: .json(.init(items: items))))
    }

    func createAgreement(_ input: Operations.CreateAgreement.Input) async throws -> Operations.CreateAgreement.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let new = NewAgreement(
            kind: try AgreementKind(mapping: body.kind),
            organizationId: try organizationId(body.organizationId),
            partyIds: try body.parties.enumerated().map { index, text in
                guard let id = UUID(uuidString: text) else {
                    throw ValidationError([FieldIssue("parties[\(index)]", Message("is not an id.", "不是有效的编号。"))])
                }
                return id
            },
            visibility: try body.visibility.map { try AgreementVisibility(mapping: $0) } ?? .publicText,
            interestId: try body.interestId.map { try interestId($0) },
            content: try AgreementContentInput(
                title: body.title, areas: body.areas, termStart: body.termStart, termMonths: body.termMonths,
                prevailingLanguage: body.prevailingLanguage, text: body.text, attachments: body.attachments))
        return .created(.init(body: .json(try await wire(try await agreements.create(new, by: account)))))
    }

    func getAgreement(_ input: Operations.GetAgreement.Input) async throws -> Operations.GetAgreement.Output {
        let agreement = try await agreements.agreement(
            id: try agreementId(input.path.agreementId), viewer: try? context.account)
        return .ok(.init(body: .json(try await wire(agreement))))
    }

    func listAgreementVersions(_ input: Operations.ListAgreementVersions.Input) async throws
        -> Operations.ListAgreementVersions.Output
    {
        let versions = try await agreements.versions(
            of: try agreementId(input.path.agreementId), viewer: try requireAccount())
        return .ok(.init(body: .json(.init(items: versions.map(Components.Schemas.AgreementVersion.init)))))
    }

    func reviseAgreement(_ input: Operations.ReviseAgreement.Input) async throws -> Operations.ReviseAgreement.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let content = try AgreementContentInput(
            title: body.title, areas: body.areas, termStart: body.termStart, termMonths: body.termMonths,
            prevailingLanguage: body.prevailingLanguage, text: body.text, attachments: body.attachments)
        let agreement = try await agreements.revise(
            try agreementId(input.path.agreementId), with: content, by: account)
        return .created(.init(body: .json(try await wire(agreement))))
    }

    func openAgreement(_ input: Operations.OpenAgreement.Input) async throws -> Operations.OpenAgreement.Output {
        let agreement = try await agreements.open(try agreementId(input.path.agreementId), by: try requireAccount())
        return .ok(.init(body: .json(try await wire(agreement))))
    }

    func withdrawAgreement(_ input: Operations.WithdrawAgreement.Input) async throws
        -> Operations.WithdrawAgreement.Output
    {
        let agreement = try await agreements.withdraw(
            try agreementId(input.path.agreementId), by: try requireAccount())
        return .ok(.init(body: .json(try await wire(agreement))))
    }

    func signAgreement(_ input: Operations.SignAgreement.Input) async throws -> Operations.SignAgreement.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let signature = SignatureInput(
            organizationId: try organizationId(body.organizationId),
            keyId: try id(body.keyId, else: AgreementError.keyNotFound), version: body.version,
            signature: body.signature)
        let agreement = try await agreements.sign(try agreementId(input.path.agreementId), signature, by: account)
        return .created(.init(body: .json(try await wire(agreement))))
    }

    func declineAgreement(_ input: Operations.DeclineAgreement.Input) async throws
        -> Operations.DeclineAgreement.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let agreement = try await agreements.decline(
            try agreementId(input.path.agreementId), for: try organizationId(body.organizationId),
            reason: body.reason, by: account)
        return .ok(.init(body: .json(try await wire(agreement))))
    }

    func terminateAgreement(_ input: Operations.TerminateAgreement.Input) async throws
        -> Operations.TerminateAgreement.Output
    {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let agreement = try await agreements.terminate(
            try agreementId(input.path.agreementId), for: try organizationId(body.organizationId),
            reason: body.reason, by: account)
        return .ok(.init(body: .json(try await wire(agreement))))
    }

    func getAgreementBundle(_ input: Operations.GetAgreementBundle.Input) async throws
        -> Operations.GetAgreementBundle.Output
    {
        let viewer = try? context.account
        let agreement = try await agreements.agreement(id: try agreementId(input.path.agreementId), viewer: viewer)
        let bundle = try await ledger.bundle(
            of: agreement, includingText: try await agreements.mayReadText(of: agreement, viewer: viewer))
        // The bundle has one spelling, its own; the generated type mirrors the same schema.
        return .ok(
            .init(body: .json(try JSONDecoder().decode(Components.Schemas.AgreementBundle.self, from: bundle.json))))
    }

    func listSignatories(_ input: Operations.ListSignatories.Input) async throws -> Operations.ListSignatories.Output {
        let members = try await agreements.signatories(
            of: try organizationId(input.path.organizationId), by: try requireAccount())
        return .ok(.init(body: .json(.init(items: try members.map(Components.Schemas.Member.init)))))
    }

    func grantSignatory(_ input: Operations.GrantSignatory.Input) async throws -> Operations.GrantSignatory.Output {
        let member = try await agreements.setSignatory(
            try id(input.path.memberId, else: AgreementError.memberNotFound),
            of: try organizationId(input.path.organizationId), granted: true, by: try requireAccount())
        return .ok(.init(body: .json(try .init(member))))
    }

    func withdrawSignatory(_ input: Operations.WithdrawSignatory.Input) async throws
        -> Operations.WithdrawSignatory.Output
    {
        let member = try await agreements.setSignatory(
            try id(input.path.memberId, else: AgreementError.memberNotFound),
            of: try organizationId(input.path.organizationId), granted: false, by: try requireAccount())
        return .ok(.init(body: .json(try .init(member))))
    }

    func agreementId(_ text: String) throws -> UUID {
        try id(text, else: AgreementError.agreementNotFound)
    }

    private func wire(_ list: [Agreement]) async throws -> [Components.Schemas.Agreement] {
        let readable = try await agreements.readableTexts(of: list, viewer: try? context.account)
        let now = Date()
        return try list.map { try Components.Schemas.Agreement($0, textVisible: readable.contains($0.id), now: now) }
    }

    /// The wire form, with the text only when the caller may read it.
    private func wire(_ agreement: Agreement) async throws -> Components.Schemas.Agreement {
        let visible = try await agreements.mayReadText(of: agreement, viewer: try? context.account)
        return try Components.Schemas.Agreement(agreement, textVisible: visible, now: Date())
    }
}
