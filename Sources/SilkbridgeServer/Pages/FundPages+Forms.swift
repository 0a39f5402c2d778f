import Foundation
import Hummingbird
import SilkbridgeCore

extension FundPages {
    func addFormRoutes(to router: some RouterMethods<AppRequestContext>) {
        site.addForm(to: router, FundPaths.newFund, build: newFundForm) { form, account, _ in
            let fund = try await funds.create(
                NewFund(
                    name: form.localized("name"), reportingCurrency: form["reportingCurrency"] ?? "",
                    managerOrganizationId: uuid(form, "managerOrganizationId")), by: account)
            return FundPaths.fund(fund.id)
        }
        site.addForm(to: router, FundPaths.newContributor, build: contributorForm) { form, account, context in
            let id = try fundID(context)
            _ = try await funds.addContributor(
                id,
                NewContributor(
                    organizationId: uuid(form, "organizationId"), pledge: money(form, "pledge"),
                    pledgedOn: form.text("pledgedOn")), by: account)
            return FundPaths.fund(id)
        }
        site.addForm(to: router, FundPaths.newProject, build: projectForm) { form, account, context in
            let id = try fundID(context)
            let project = try await funds.addProject(
                id,
                NewProject(
                    title: form.localized("title"), description: form.localized("description"),
                    sponsorIds: form.all("sponsorIds").compactMap(UUID.init(uuidString:)),
                    area: form["area"] ?? "", countries: form.all("countries"), requested: money(form, "requested")),
                by: account)
            return FundPaths.project(id, project.id)
        }
        site.addForm(to: router, FundPaths.stage, build: stageForm) { form, account, context in
            let id = try fundID(context)
            let project = try projectID(context)
            _ = try await funds.changeStage(
                id, project: project, to: try form.choice("stage"),
                reason: form["reason"], by: account)
            return FundPaths.project(id, project)
        }
        site.addForm(to: router, FundPaths.newCommitment, build: commitmentForm) {
            form, account, context in
            let id = try fundID(context)
            let project = try projectID(context)
            _ = try await funds.commit(
                id,
                NewCommitment(
                    projectId: project, contributorId: uuid(form, "contributorId"), amount: money(form, "amount"),
                    day: form["day"] ?? "", conditions: form["conditions"] ?? ""), by: account)
            return FundPaths.project(id, project)
        }
        site.addForm(to: router, FundPaths.newDocument, build: documentForm) {
            form, account, context in
            let id = try fundID(context)
            let project = try projectID(context)
            _ = try await funds.addDocument(
                id, project: project, name: form["name"] ?? "", sha256: form["sha256"] ?? "", by: account)
            return FundPaths.project(id, project)
        }
        for kind in CashFlowKind.allCases {
            site.addForm(to: router, FundPaths.newFlow(kind), build: flowForm(kind)) {
                form, account, context in
                let id = try fundID(context)
                let project = try projectID(context)
                _ = try await funds.record(
                    id,
                    NewCashFlow(
                        commitmentId: uuid(form, "commitmentId"), kind: kind, amount: money(form, "amount"),
                        day: form["day"] ?? "", note: form["note"] ?? ""), by: account)
                return FundPaths.project(id, project)
            }
        }
    }

    /// Today, or the last day with reference rates when today has none yet: a form should open on a day it accepts.
    private func defaultDay() async throws -> String {
        let today = CalendarDay(Date())
        guard let last = try await funds.lastRateDay(), last < today else { return today.description }
        return last.description
    }

    private func uuid(_ form: FormData, _ name: String) throws -> UUID {
        guard let id = form.text(name).flatMap(UUID.init(uuidString:)) else {
            throw ValidationError([FieldIssue(name, Message("is required.", "为必填项。"))])
        }
        return id
    }

    private func money(_ form: FormData, _ name: String) -> MoneyInput {
        MoneyInput(amount: form["\(name)_amount"] ?? "", currency: form["\(name)_currency"] ?? "")
    }

    /// The book of a fund for a form: managers only; others who may see the fund are told so, others get a 404.
    private func managedBook(_ context: AppRequestContext, _ account: Account) async throws -> FundBook {
        let (book, access) = try await funds.book(of: try fundID(context), viewer: account)
        guard access == .manager else { throw FundError.notFundManager }
        return book
    }

    private func text(_ key: String, _ context: AppRequestContext) -> String { site.text(key, context) }

    private func currencyField(_ name: String, _ form: FormData?, _ context: AppRequestContext, default code: String)
        -> FormField
    {
        let chosen = form?["\(name)_currency"] ?? code
        let codes = ["EUR", "CNY"] + (["EUR", "CNY"].contains(chosen) || chosen.isEmpty ? [] : [chosen])
        return FormField(
            name: "\(name)_currency", label: text("fund_field_currency", context), kind: .select,
            options: codes.map { Option(value: $0, label: $0, selected: $0 == chosen) })
    }

    private func organizations(_ selected: [String], _ language: Language) async throws -> [Option] {
        let list = try await site.directory.list(OrganizationFilter(), page: try Paging(limit: 100)).items
        return list.map {
            let id = $0.id.uuidString.lowercased()
            return Option(
                value: id, label: "\($0.name.best(for: language)) · \($0.side.label.text(in: language))",
                selected: selected.contains(id))
        }.sorted { $0.label < $1.label }
    }

    private func newFundForm(_ context: AppRequestContext, _ account: Account, _ form: FormData?) async throws
        -> PageForm
    {
        let language = context.language
        let mine = try await site.directory.memberships(of: account)
            .filter { !$0.1.isPending && $0.1.role >= Fund.managerRole }.map(\.0)
        let chosen = form?["managerOrganizationId"]
        let currency = form?["reportingCurrency"] ?? "EUR"
        return PageForm(
            title: text("fund_new_title", context), action: FundPaths.newFund(), back: FundPaths.list(),
            submit: text("fund_create", context), intro: text("fund_new_intro", context),
            groups: [
                site.bilingual("name", label: text("fund_field_name", context), form, context),
                FormGroup(fields: [
                    FormField(
                        name: "managerOrganizationId", label: text("fund_field_manager", context), kind: .select,
                        options: site.organizationOptions(mine, selected: [chosen], language)),
                    FormField(
                        name: "reportingCurrency", label: text("fund_field_reporting_currency", context),
                        kind: .select,
                        options: ["EUR", "CNY"].map { Option(value: $0, label: $0, selected: $0 == currency) }),
                ]),
            ])
    }

    private func contributorForm(_ context: AppRequestContext, _ account: Account, _ form: FormData?)
        async throws -> PageForm
    {
        let day = try await defaultDay()
        let book = try await managedBook(context, account)
        let id = book.fund.id
        return PageForm(
            title: text("fund_add_contributor", context), action: FundPaths.newContributor(id),
            back: FundPaths.fund(id), submit: text("fund_add_contributor", context),
            intro: book.fund.name.best(for: context.language),
            fields: [
                FormField(
                    name: "organizationId", label: text("fund_field_organization", context), kind: .select,
                    options: try await organizations([form?["organizationId"] ?? ""], context.language)),
                FormField(
                    name: "pledge_amount", label: text("fund_field_pledge", context),
                    value: form?["pledge_amount"] ?? "", hint: text("fund_amount_hint", context)),
                currencyField("pledge", form, context, default: book.fund.reportingCurrency.code),
                FormField(
                    name: "pledgedOn", label: text("fund_field_pledged_on", context), kind: .date,
                    value: form?["pledgedOn"] ?? day),
            ])
    }

    private func projectForm(_ context: AppRequestContext, _ account: Account, _ form: FormData?) async throws
        -> PageForm
    {
        let book = try await managedBook(context, account)
        let id = book.fund.id
        let language = context.language
        return PageForm(
            title: text("fund_add_project", context), action: FundPaths.newProject(id), back: FundPaths.fund(id),
            submit: text("fund_add_project", context), intro: book.fund.name.best(for: language),
            groups: [
                site.bilingual("title", label: text("fund_field_title", context), form, context),
                site.bilingual(
                    "description", label: text("fund_field_description", context), form, context, kind: .textarea),
                FormGroup(fields: [
                    FormField(
                        name: "sponsorIds", label: text("fund_field_sponsors", context), kind: .multiple,
                        options: try await organizations(form?.all("sponsorIds") ?? [], language)),
                    FormField(
                        name: "area", label: text("fund_field_area", context), kind: .select,
                        options: site.areaOptions(selected: [form?["area"] ?? ""], language)),
                    FormField(
                        name: "countries", label: text("fund_field_countries", context), kind: .multiple,
                        options: site.countryOptions(selected: form?.all("countries") ?? [], language)),
                    FormField(
                        name: "requested_amount", label: text("fund_field_requested", context),
                        value: form?["requested_amount"] ?? "", hint: text("fund_amount_hint", context)),
                    currencyField("requested", form, context, default: book.fund.reportingCurrency.code),
                ]),
            ])
    }

    private func stageForm(_ context: AppRequestContext, _ account: Account, _ form: FormData?) async throws
        -> PageForm
    {
        let book = try await managedBook(context, account)
        let project = try book.project(try projectID(context))
        let language = context.language
        let choices = [project.stage.next].compactMap { $0 } + (project.stage.mayBeRejected ? [.rejected] : [])
        let chosen = form?["stage"] ?? choices.first?.rawValue ?? ""
        return PageForm(
            title: text("fund_change_stage", context), action: FundPaths.stage(book.fund.id, project.id),
            back: FundPaths.project(book.fund.id, project.id), submit: text("fund_change_stage", context),
            intro: "\(project.title.best(for: language)) · \(project.stage.label.text(in: language))",
            fields: [
                FormField(
                    name: "stage", label: text("fund_field_stage", context), kind: .select,
                    options: choices.map {
                        Option(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == chosen)
                    }),
                FormField(
                    name: "reason", label: text("fund_field_reason", context), kind: .textarea,
                    value: form?["reason"] ?? ""),
            ])
    }

    private func commitmentForm(_ context: AppRequestContext, _ account: Account, _ form: FormData?)
        async throws -> PageForm
    {
        let day = try await defaultDay()
        let book = try await managedBook(context, account)
        let project = try book.project(try projectID(context))
        let language = context.language
        var contributors: [Option] = []
        for contributor in book.contributors {
            let id = contributor.id.uuidString.lowercased()
            let remaining = try book.remainingPledge(of: contributor)
            contributors.append(
                Option(
                    value: id,
                    label: "\(contributor.name.best(for: language)) · \(text("fund_remaining", context)) \(remaining)",
                    selected: id == form?["contributorId"]))
        }
        return PageForm(
            title: text("fund_add_commitment", context), action: FundPaths.newCommitment(book.fund.id, project.id),
            back: FundPaths.project(book.fund.id, project.id), submit: text("fund_add_commitment", context),
            intro: "\(project.title.best(for: language)) · \(text("fund_rate_note", context))",
            fields: [
                FormField(
                    name: "contributorId", label: text("fund_field_contributor", context), kind: .select,
                    options: contributors),
                FormField(
                    name: "amount_amount", label: text("fund_field_amount", context),
                    value: form?["amount_amount"] ?? "", hint: text("fund_amount_hint", context), errorKeys: ["amount"]),
                currencyField("amount", form, context, default: book.fund.reportingCurrency.code),
                FormField(
                    name: "day", label: text("fund_field_day", context), kind: .date,
                    value: form?["day"] ?? day),
                FormField(
                    name: "conditions", label: text("fund_field_conditions", context), kind: .textarea,
                    value: form?["conditions"] ?? ""),
            ])
    }

    private func documentForm(_ context: AppRequestContext, _ account: Account, _ form: FormData?)
        async throws -> PageForm
    {
        let book = try await managedBook(context, account)
        let project = try book.project(try projectID(context))
        return PageForm(
            title: text("fund_add_document", context), action: FundPaths.newDocument(book.fund.id, project.id),
            back: FundPaths.project(book.fund.id, project.id), submit: text("fund_add_document", context),
            intro: "\(project.title.best(for: context.language)) · \(text("fund_document_hint", context))",
            fields: [
                FormField(name: "name", label: text("fund_field_document_name", context), value: form?["name"] ?? ""),
                FormField(
                    name: "sha256", label: "SHA-256", value: form?["sha256"] ?? "",
                    hint: "sha256sum FILE · shasum -a 256 FILE"),
            ])
    }

    private func flowForm(_ kind: CashFlowKind) -> SitePages.FormBuilder {
        { context, account, form in
            let day = try await defaultDay()
            let book = try await managedBook(context, account)
            let project = try book.project(try projectID(context))
            let language = context.language
            let commitments = book.commitments.filter { $0.projectId == project.id }
            let title = text(kind == .disbursement ? "fund_add_disbursement" : "fund_add_repayment", context)
            return PageForm(
                title: title, action: FundPaths.newFlow(kind)(book.fund.id, project.id),
                back: FundPaths.project(book.fund.id, project.id), submit: title,
                intro: "\(project.title.best(for: language)) · \(text("fund_rate_note", context))",
                fields: [
                    FormField(
                        name: "commitmentId", label: text("fund_field_commitment", context), kind: .select,
                        options: commitments.map { commitment in
                            let id = commitment.id.uuidString.lowercased()
                            let contributor = try? book.contributor(commitment.contributorId)
                            return Option(
                                value: id,
                                label: "\(contributor?.name.best(for: language) ?? "") · \(commitment.amount) · "
                                    + commitment.day.description,
                                selected: id == form?["commitmentId"])
                        }),
                    FormField(
                        name: "amount_amount", label: text("fund_field_amount", context),
                        value: form?["amount_amount"] ?? "", hint: text("fund_flow_amount_hint", context),
                        errorKeys: ["amount"]),
                    currencyField(
                        "amount", form, context,
                        default: commitments.first?.amount.currency.code ?? book.fund.reportingCurrency.code),
                    FormField(
                        name: "day", label: text("fund_field_day", context), kind: .date,
                        value: form?["day"] ?? day),
                    FormField(
                        name: "note", label: text("fund_field_note", context), kind: .textarea,
                        value: form?["note"] ?? ""),
                ])
        }
    }

}
