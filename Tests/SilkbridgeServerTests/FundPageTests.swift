import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct FundPageTests {
    func browser(_ client: any TestClientProtocol, _ email: String, language: String) async throws -> BrowserSession {
        var browser = BrowserSession(client, language: language)
        let login = try await browser.post("/login", [("email", email), ("password", "correct horse battery")])
        #expect(login.status == .seeOther)
        return browser
    }

    @Test(arguments: ["en", "zh-Hans"])
    func aNamedOrganisationConfirmsFromItsListOfFunds(language: String) async throws {
        let english = language == "en"
        try await withApp { client in
            let fixture = try await FundAPIFixture.make(client)
            let id = try await fixture.nameTheOutsidersOrganization(client)
            var manager = try await browser(client, fixture.emails["manager"]!, language: language)
            let fund = try await manager.get("/funds/\(fixture.fundId)")
            #expect(fund.text.contains(english ? "invited, not yet confirmed" : "已邀请，尚未确认"))

            var outsider = try await browser(client, fixture.emails["outsider"]!, language: language)
            let list = try await outsider.get("/funds")
            #expect(list.text.contains(english ? "Invitations to contribute" : "出资邀请"))
            #expect(list.text.contains("5,000.00 CNY"))
            #expect(!list.text.contains("<td><a href=\"/funds/\(fixture.fundId)\""), "not yet one of its funds")
            let confirmed = try await outsider.post(
                "/funds/\(fixture.fundId)/contributors/\(id)/answer", [("answer", "confirm")])
            #expect(confirmed.status == .seeOther)
            let after = try await outsider.get("/funds")
            #expect(!after.text.contains(english ? "Invitations to contribute" : "出资邀请"))
            #expect(after.text.contains("/funds/\(fixture.fundId)"))
            let again = try await outsider.post(
                "/funds/\(fixture.fundId)/contributors/\(id)/answer", [("answer", "decline")])
            #expect(again.status == .conflict)
        }
    }

    @Test(arguments: TestDatabase.available, ["en", "zh-Hans"])
    func aManagerRunsAProjectFromSourcingToRepaymentInTheBrowser(database: TestDatabase, language: String)
        async throws
    {
        let english = language == "en"
        try await withApp(database) { client in
            let fixture = try await FundAPIFixture.make(client)
            var manager = try await browser(client, fixture.emails["manager"]!, language: language)
            let list = try await manager.get("/funds")
            #expect(list.status == .ok)
            #expect(list.text.contains(english ? "Digital Silk Road Fund" : "数字丝路基金"))
            let fundLink = "/funds/\(fixture.fundId)"
            let fund = try await manager.get(fundLink)
            #expect(fund.status == .ok)
            #expect(fund.text.contains("10,000,000.00 CNY"))
            #expect(fund.text.contains("Isar Bank"))
            #expect(fund.text.contains(english ? "Due diligence (0)" : "尽职调查 (0)"))
            #expect(fund.text.contains(english ? "Add a project" : "添加项目"))
            #expect(!fund.text.contains("{{"))

            // A refused project comes back with the messages next to their fields and what was typed.
            let invalid = try await manager.post(
                fundLink + "/projects/new",
                [("title_zh", ""), ("requested_amount", "12x"), ("requested_currency", "EUR"), ("area", "5g")])
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains(#"id="error-title_en""#))
            #expect(invalid.text.contains(english ? "is required." : "为必填项。"))
            #expect(invalid.text.contains(#"id="error-requested_amount""#))
            #expect(invalid.text.contains(#"value="12x""#))
            #expect(invalid.text.contains(#"<option value="5g" selected>"#))
            let sponsor = try await sponsor(client, fixture)
            let created = try await manager.post(
                fundLink + "/projects/new",
                [
                    ("title_en", "Port data hub Piraeus"), ("title_zh", "比雷埃夫斯港数据枢纽"), ("area", "smart-cities"),
                    ("countries", "GR"),
                    ("sponsorIds", sponsor),
                    ("requested_amount", "800000"), ("requested_currency", "EUR"),
                ])
            #expect(created.status == .seeOther, "\(created.text)")
            let projectLink = try #require(created.headers[.location])
            let sourcing = try await manager.get(projectLink)
            #expect(sourcing.text.contains(english ? "Move on to Screening" : "推进至 初步筛选"))
            let skip = try await manager.post(projectLink + "/stage", [("stage", "approved")])
            #expect(skip.status == .conflict)
            #expect(skip.text.contains(english ? "cannot move from sourcing to approved" : "项目不能从“项目征集”变为“已批准”"))
            let noReason = try await manager.post(projectLink + "/stage", [("stage", "rejected"), ("reason", " ")])
            #expect(noReason.status == .badRequest)
            #expect(noReason.text.contains(#"id="error-reason""#))
            let rejected = try await manager.post(
                projectLink + "/stage", [("stage", "rejected"), ("reason", "Outside the fund's mandate.")])
            #expect(rejected.status == .seeOther)
            let rejectedPage = try await manager.get(projectLink)
            #expect(
                rejectedPage.text.contains("Outside the fund&#39;s mandate.")
                    || rejectedPage.text.contains("Outside the fund's mandate."))
            #expect(rejectedPage.text.contains(english ? "Rejected" : "已否决"))

            // The approved project of the fixture takes a commitment in CNY, converted at the ECB rate of its day.
            let project = "\(fundLink)/projects/\(fixture.projectId)"
            let tooMuch = try await manager.post(
                project + "/commitments/new",
                [
                    ("contributorId", fixture.chineseContributor), ("amount_amount", "10000000.01"),
                    ("amount_currency", "CNY"), ("day", "2026-10-31"),
                ])
            #expect(tooMuch.status == .conflict)
            #expect(tooMuch.text.contains(english ? "exceeds the contributor" : "超过该出资方剩余认缴额"))
            #expect(tooMuch.text.contains(#"value="10000000.01""#))
            let committed = try await manager.post(
                project + "/commitments/new",
                [
                    ("contributorId", fixture.chineseContributor), ("amount_amount", "1000000.00"),
                    ("amount_currency", "CNY"), ("day", "2026-10-31"), ("conditions", "Grid permit granted."),
                ])
            #expect(committed.status == .seeOther, "\(committed.text)")
            let euro = try await manager.post(
                project + "/commitments/new",
                [
                    ("contributorId", fixture.europeanContributor), ("amount_amount", "250000.00"),
                    ("amount_currency", "EUR"), ("day", "2026-11-02"),
                ])
            #expect(euro.status == .seeOther, "\(euro.text)")
            let committedPage = try await manager.get(project)
            #expect(committedPage.text.contains("1,000,000.00 CNY"))
            #expect(committedPage.text.contains("134,542.42 EUR"))
            #expect(committedPage.text.contains("1 EUR = 7.4326 CNY"))
            #expect(committedPage.text.contains("2026-10-30"))
            #expect(committedPage.text.contains(english ? "Committed" : "已承诺出资"))
            // Disbursing is reached by paying out, so there is no button for it.
            #expect(!committedPage.text.contains(#"id="advance""#))
            let disburseForm = try await manager.get(project + "/disbursements/new")
            let commitment = try #require(
                disburseForm.text.firstMatch(of: /<option value="([0-9a-f-]{36})"[^>]*>CIDF/)?.1)
            let disbursed = try await manager.post(
                project + "/disbursements/new",
                [
                    ("commitmentId", String(commitment)), ("amount_amount", "400000.00"), ("amount_currency", "CNY"),
                    ("day", "2026-11-02"),
                ])
            #expect(disbursed.status == .seeOther, "\(disbursed.text)")
            let wrongCurrency = try await manager.post(
                project + "/repayments/new",
                [
                    ("commitmentId", String(commitment)), ("amount_amount", "100.00"), ("amount_currency", "EUR"),
                    ("day", "2026-11-03"),
                ])
            #expect(wrongCurrency.status == .badRequest)
            #expect(wrongCurrency.text.contains(#"<option value="EUR" selected>"#))
            let repaid = try await manager.post(
                project + "/repayments/new",
                [
                    ("commitmentId", String(commitment)), ("amount_amount", "12500.00"), ("amount_currency", "CNY"),
                    ("day", "2026-11-03"), ("note", "First coupon"),
                ])
            #expect(repaid.status == .seeOther, "\(repaid.text)")
            let badDigest = try await manager.post(
                project + "/documents/new", [("name", "Business plan.pdf"), ("sha256", "abc")])
            #expect(badDigest.status == .badRequest)
            #expect(badDigest.text.contains(#"id="error-sha256""#))
            #expect(badDigest.text.contains(#"value="Business plan.pdf""#))
            let digest = String(repeating: "ab", count: 32)
            let document = try await manager.post(
                project + "/documents/new", [("name", "Business plan.pdf"), ("sha256", digest)])
            #expect(document.status == .seeOther, "\(document.text)")
            let disbursing = try await manager.get(project)
            #expect(disbursing.text.contains(digest))
            #expect(disbursing.text.contains(english ? "Disbursing" : "拨款中"))
            #expect(disbursing.text.contains("400,000.00 CNY"))
            #expect(disbursing.text.contains("First coupon"))
            #expect(disbursing.text.contains(english ? "Move on to Completed" : "推进至 已完成"))
            #expect(!disbursing.text.contains("{{"))

            for currency in ["EUR", "CNY"] {
                let report = try await manager.get(fundLink + "/report?currency=\(currency)")
                #expect(report.status == .ok)
                #expect(report.text.contains(english ? "Where each side" : "双方资金流向"))
                #expect(report.text.contains("/report.csv?currency=\(currency)"))
                #expect(report.text.contains("/report.json?currency=\(currency)"))
            }
            let eur = try await manager.get(fundLink + "/report?currency=EUR")
            // 134542.42 EUR from the CNY commitment and 250000.00 EUR from the European one.
            #expect(eur.text.contains("384,542.42 EUR"))
            #expect(eur.text.contains(#"<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart""#))
            let csv = try await manager.get(fundLink + "/report.csv?currency=CNY")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let json = try await manager.get(fundLink + "/report.json?currency=EUR")
            #expect(json.text.contains(#""currency":"EUR""#) || json.text.contains(#""currency" : "EUR""#))
        }
    }

    /// Another organisation of the fixture's European owner, to sponsor projects.
    private func sponsor(_ client: any TestClientProtocol, _ fixture: FundAPIFixture) async throws -> String {
        try await client.createOrganization(token: fixture.european, name: "Piraeus Data", country: "GR")
    }

    @Test(arguments: ["en", "zh-Hans"])
    func settingUpAFundKeepsWhatWasTyped(language: String) async throws {
        try await withApp { client in
            let fixture = try await FundAPIFixture.make(client)
            var manager = try await browser(client, fixture.emails["manager"]!, language: language)
            let form = try await manager.get("/funds/new")
            #expect(form.status == .ok)
            #expect(form.text.contains(">ChinaEU</option>"))
            let organization = try #require(form.text.firstMatch(of: /<option value="([0-9a-f-]{36})">ChinaEU/)?.1)
            let invalid = try await manager.post(
                "/funds/new",
                [
                    ("name_en", String(repeating: "x", count: 201)), ("name_zh", "合作基金"),
                    ("managerOrganizationId", String(organization)),
                    ("reportingCurrency", "CNY"),
                ])
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains(#"id="error-name_en""#))
            #expect(invalid.text.contains(#"value="合作基金""#))
            #expect(invalid.text.contains(#"<option value="CNY" selected>"#))
            let created = try await manager.post(
                "/funds/new",
                [
                    ("name_en", "Co-operation Fund"), ("name_zh", "合作基金"),
                    ("managerOrganizationId", String(organization)), ("reportingCurrency", "CNY"),
                ])
            #expect(created.status == .seeOther, "\(created.text)")
            let page = try await manager.get(try #require(created.headers[.location]))
            #expect(page.text.contains(language == "en" ? "Co-operation Fund" : "合作基金"))
            // Someone who manages no organisation cannot set up a fund.
            var outsider = try await browser(client, fixture.emails["outsider"]!, language: language)
            let refused = try await outsider.post(
                "/funds/new",
                [("name_en", "Mine"), ("managerOrganizationId", String(organization)), ("reportingCurrency", "EUR")])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains(#"value="Mine""#))
        }
    }

    @Test func contributorsSeeTheirOwnPositionsAndOutsidersNothing() async throws {
        try await withApp { client in
            let fixture = try await FundAPIFixture.make(client)
            #expect(try await fixture.commit(client, "1000000.00", "CNY").status == .created)
            let fundLink = "/funds/\(fixture.fundId)"
            let project = "\(fundLink)/projects/\(fixture.projectId)"

            var european = try await browser(client, fixture.emails["european"]!, language: "en")
            let fund = try await european.get(fundLink)
            #expect(fund.status == .ok)
            #expect(fund.text.contains("Isar Bank"))
            #expect(!fund.text.contains("10,000,000.00 CNY"))
            #expect(!fund.text.contains("Add a project"))
            #expect(fund.text.contains("You see your own positions"))
            let projectPage = try await european.get(project)
            #expect(projectPage.status == .ok)
            #expect(!projectPage.text.contains("1,000,000.00 CNY"))
            #expect(!projectPage.text.contains("Move on to"))
            #expect(try await european.get(project + "/commitments/new").status == .forbidden)
            let refused = try await european.post(project + "/stage", [("stage", "committed")])
            #expect(refused.status == .forbidden)
            let report = try await european.get(fundLink + "/report?currency=EUR")
            #expect(report.status == .ok)
            #expect(!report.text.contains("134,542.42"))

            var chinese = try await browser(client, fixture.emails["chinese"]!, language: "zh-Hans")
            let chineseProject = try await chinese.get(project)
            #expect(chineseProject.text.contains("1,000,000.00 CNY"))
            #expect(chineseProject.text.contains("134,542.42 EUR"))

            var outsider = try await browser(client, fixture.emails["outsider"]!, language: "en")
            #expect(try await outsider.get("/funds").text.contains("not involved in any fund"))
            for path in [
                fundLink, project, fundLink + "/report?currency=EUR", fundLink + "/report.csv?currency=EUR",
                fundLink + "/contributors/new", project + "/commitments/new",
            ] {
                #expect(try await outsider.get(path).status == .notFound, "\(path)")
            }
            #expect(try await outsider.post(project + "/stage", [("stage", "committed")]).status == .notFound)
            var visitor = BrowserSession(client)
            #expect(try await visitor.get(fundLink).status == .seeOther)
            #expect(try await visitor.get(fundLink + "/report.csv?currency=EUR").status == .unauthorized)
            #expect(try await visitor.get("/funds/not-an-id").status == .seeOther)
            var manager = try await browser(client, fixture.emails["manager"]!, language: "en")
            #expect(try await manager.get("/funds/not-an-id").status == .notFound)
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct DemoFundTests {
    @Test func theDemoFundHasProjectsAtEveryStageWithMoneyInBothCurrencies() async throws {
        try await withApp(demo: true) { client in
            var demo = BrowserSession(client, language: "zh-Hans")
            let login = try await demo.post(
                "/login", [("email", "demo@silkbridge.example"), ("password", "silkbridge-demo")])
            #expect(login.status == .seeOther)
            let list = try await demo.get("/funds")
            #expect(list.text.contains("中欧数字合作投资基金"))
            let link = try #require(list.text.firstMatch(of: /href="(\/funds\/[0-9a-f-]{36})"/)?.1)
            let fund = try await demo.get(String(link))
            #expect(fund.status == .ok)
            #expect(fund.text.contains("(12)"))
            for stage in ProjectStageLabels.chinese {
                #expect(fund.text.contains(stage + " ("), "\(stage)")
                #expect(!fund.text.contains(stage + " (0)"), "\(stage)")
            }
            #expect(fund.text.contains("800,000,000.00 CNY"))
            #expect(fund.text.contains("60,000,000.00 EUR"))
            let report = try await demo.get(String(link) + "/report?currency=CNY")
            #expect(report.status == .ok)
            #expect(report.text.contains("CNY"))
            let totals = try #require(
                report.text.firstMatch(
                    of:
                        /id="report-totals"[\s\S]*?<tbody><tr><td>([0-9.,]+) CNY<\/td><td>([0-9.,]+) CNY<\/td><td>([0-9.,]+) CNY<\/td><td>([0-9.,]+) CNY/
                ))
            for amount in [totals.1, totals.2, totals.3, totals.4] {
                #expect(Decimal(string: amount.replacingOccurrences(of: ",", with: ""))! > 0)
            }
        }
    }
}

enum ProjectStageLabels {
    static let chinese = ["项目征集", "初步筛选", "尽职调查", "已批准", "已承诺出资", "拨款中", "已完成", "已否决"]
}
