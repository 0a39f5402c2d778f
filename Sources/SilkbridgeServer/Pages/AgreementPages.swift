import Foundation
import Hummingbird
import NIOCore
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeLedgerClient
import TrustLedger

/// The agreement pages: the public register, each agreement with its bilingual text, signatures and checks,
/// the drafting form, the diff between versions, and signing in the browser with a key the signer keeps.
struct AgreementPages: Sendable {
    let site: SitePages
    let agreements: AgreementService

    var renderer: PageRenderer { site.renderer }
    var catalog: ReferenceCatalog { site.catalog }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(AgreementPaths.register) { request, context in try await registerPage(request, context) }
        addFormRoutes(to: router)
        router.get(AgreementPaths.agreement) { request, context in try await agreementPage(request, context) }
        router.get(AgreementPaths.diff) { request, context in try await diffPage(request, context) }
        router.post(AgreementPaths.action) { request, context in try await act(request, context) }
    }

    func agreementID(_ context: AppRequestContext) throws -> UUID {
        try site.pathID(context, missing: AgreementError.agreementNotFound)
    }

    /// Open, withdraw, sign, decline and terminate, from the agreement page's forms.
    private func act(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try agreementID(context)
        let form = try await FormData(request: request, context: context)
        switch try site.pathValue(context, "action", as: AgreementAction.self) {
        case .open: _ = try await agreements.open(id, by: account)
        case .withdraw: _ = try await agreements.withdraw(id, by: account)
        case .decline:
            _ = try await agreements.decline(
                id, for: try form.id("organization"), reason: form["reason"] ?? "", by: account)
        case .terminate:
            _ = try await agreements.terminate(
                id, for: try form.id("organization"), reason: form["reason"] ?? "", by: account)
        case .signatures:
            let input = SignatureInput(
                organizationId: try form.id("organization"), keyId: try form.id("key"),
                version: form.text("version").flatMap { Int($0) } ?? 0, signature: form["signature"] ?? "")
            _ = try await agreements.sign(id, input, by: account)
        }
        return PageRenderer.redirect(to: AgreementPaths.agreement(id))
    }

    private func registerPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = FormData(query: request)
        let language = context.language
        // Unknown filter values are ignored rather than refused: a page should survive a hand-edited URL.
        let filter = AgreementFilter(
            kind: query.text("kind").flatMap(AgreementKind.init),
            status: query.text("status").flatMap(AgreementStatus.init),
            area: query.text("area").flatMap { catalog.area($0)?.code }, side: query.text("side").flatMap(Side.init),
            query: query.text("q").map { String($0.prefix(200)) })
        let cursor = query.text("cursor").flatMap { Int($0) != nil ? $0 : nil }
        let page = try await agreements.register(filter, page: try Paging(limit: 20, cursor: cursor))
        var view = AgreementsPage(
            items: page.items.map { AgreementView(summary: $0, language: language) },
            empty: page.items.isEmpty,
            q: filter.query ?? "",
            kinds: site.options(
                AgreementKind.allCases, selected: [filter.kind?.rawValue ?? ""], label: \.label, language),
            statuses: site.options(
                AgreementStatus.registered, selected: [filter.status?.rawValue ?? ""], label: \.label, language),
            areas: site.areaOptions(selected: [filter.area ?? ""], language),
            sides: site.options(Side.allCases, selected: [filter.side?.rawValue ?? ""], label: \.label, language),
            newLink: AgreementPaths.newAgreement())
        if let next = page.nextCursor {
            var components = URLComponents(string: request.uri.string) ?? URLComponents()
            components.queryItems =
                (components.queryItems ?? []).filter { $0.name != "cursor" }
                + [URLQueryItem(name: "cursor", value: next)]
            view.nextLink = components.string ?? ""
        }
        if let account = context.account {
            let mine = try await agreements.agreements(of: account)
            view.mine = mine.map { AgreementView(summary: $0, language: language) }
            view.hasMine = !mine.isEmpty
        }
        return renderer.render(
            "agreements", title: site.text("agreements_title", context), view: view, request: request, context: context)
    }

    private func agreementPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try agreementID(context)
        let agreement = try await agreements.agreement(id: id, viewer: context.account)
        let language = context.language
        let summary = AgreementView(summary: agreement, language: language)
        let textVisible = try await agreements.mayReadText(of: agreement, viewer: context.account)
        let content = agreement.current.content
        var view = AgreementPage(
            textVisible: textVisible,
            attachments: content.attachments.map { AgreementPage.Attachment(name: $0.name, sha256: $0.sha256) },
            hasAttachments: !content.attachments.isEmpty, hasSignatures: !agreement.signatures.isEmpty,
            hasVersions: agreement.versions.count > 1, bundleLink: AgreementPaths.bundle(id),
            signatures: agreement.signatures.map { signature in
                AgreementPage.Signature(
                    party: agreement.parties.first { $0.organizationId == signature.organizationId }?.name
                        .best(for: language) ?? "",
                    signer: signature.signerName, at: SitePages.dateText(signature.signedAt),
                    verifierKey: signature.verifierKey,
                    ledgerLink: SitePaths.verifyLedgerEntry(signature.ledgerIndex),
                    ledgerIndex: String(signature.ledgerIndex))
            },
            prevailing: content.prevailingLanguage.map { $0 == .english ? "English" : "中文" })
        if textVisible {
            view.textEnglish = content.text.english ?? ""
            view.textChinese = content.text.chinese ?? ""
            view.hasEnglish = content.text.english != nil
            view.hasChinese = content.text.chinese != nil
        }
        if let index = agreement.inForceIndex {
            view.inForceLink = SitePaths.verifyLedgerEntry(index)
            view.inForceIndex = String(index)
        }
        if agreement.versions.count > 1 {
            view.versions = agreement.versions.dropFirst().map { version in
                AgreementPage.Version(
                    number: version.number, digest: version.digest, author: version.authorName,
                    at: SitePages.dateText(version.createdAt),
                    diffLink: AgreementPaths.diff(id, from: version.number - 1, to: version.number))
            }
        }
        if AgreementStatus.registered.contains(agreement.state) {
            view.checks = try await checks(of: agreement, includingText: textVisible)
            view.hasChecks = true
        }
        var actions: AgreementActions?
        if let account = context.account {
            actions = try await self.actions(for: agreement, account: account, language: language)
        }
        return renderer.render(
            "agreement", title: content.title.best(for: language), view: Merged(Merged(view, summary), actions),
            request: request, context: context)
    }

    /// The same checks `silkbridge agreement verify` makes, run here on the bundle anyone can download.
    private func checks(of agreement: Agreement, includingText: Bool) async throws -> [AgreementPage.Check] {
        let ledger = site.ledger
        let bundle = try await ledger.bundle(of: agreement, includingText: includingText)
        return AgreementBundleVerifier(ledger: ledger.checkpointVerifier).verify(bundle).map {
            AgreementPage.Check(passed: $0.passed, detail: $0.detail)
        }
    }
}

struct AgreementsPage {
    let items: [AgreementView]
    let empty: Bool
    let q: String
    let kinds: [Option]
    let statuses: [Option]
    let areas: [Option]
    let sides: [Option]
    let newLink: String
    var nextLink: String?
    /// The viewer's own agreements, when logged in.
    var mine: [AgreementView]?
    var hasMine: Bool?
}

/// An agreement page beyond its summary head: the text for who may read it, the evidence and the history.
struct AgreementPage {
    struct Attachment {
        let name: String
        let sha256: String
    }

    struct Signature {
        let party: String
        let signer: String
        let at: String
        let verifierKey: String
        let ledgerLink: String
        let ledgerIndex: String
    }

    struct Version {
        let number: Int
        let digest: String
        let author: String
        let at: String
        let diffLink: String
    }

    struct Check {
        let passed: Bool
        let detail: String
    }

    let textVisible: Bool
    let attachments: [Attachment]
    let hasAttachments: Bool
    let hasSignatures: Bool
    let hasVersions: Bool
    let bundleLink: String
    let signatures: [Signature]
    let prevailing: String?
    var textEnglish: String?
    var textChinese: String?
    var hasEnglish: Bool?
    var hasChinese: Bool?
    var inForceLink: String?
    var inForceIndex: String?
    var versions: [Version]?
    var checks: [Check]?
    var hasChecks: Bool?
}
