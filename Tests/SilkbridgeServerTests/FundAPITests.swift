import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SilkbridgeTestSupport
import Testing

/// A fund run by ChinaEU with a Chinese and a European contributor and one project in Germany, through the API.
struct FundAPIFixture {
    let manager: String
    let chinese: String
    let european: String
    let outsider: String
    let fundId: String
    let chineseContributor: String
    let europeanContributor: String
    let projectId: String
    /// The email of each account, to log in to the pages with the password `correct horse battery`.
    var emails: [String: String] = [:]

    /// The outsider registers an organisation, and the manager names it as contributor, pledging 5,000 CNY;
    /// returns the contributor's id, not yet confirmed.
    func nameTheOutsidersOrganization(_ client: any TestClientProtocol) async throws -> String {
        let organization = try await client.createOrganization(
            token: outsider, name: "Shenzhen Grid", country: "CN", extra: #","province":"CN-GD""#)
        let named = try await client.api(
            .post, "/api/v1/funds/\(fundId)/contributors", token: manager,
            json:
                #"{"organizationId":"\#(organization)","pledge":{"amount":"5000","currency":"CNY"},"pledgedOn":"2026-10-29"}"#
        )
        #expect(named.status == .created)
        #expect(try named.json()["status"] as? String == "invited")
        return try #require(try named.json()["id"] as? String)
    }

    static func make(_ client: any TestClientProtocol) async throws -> FundAPIFixture {
        let emails = Dictionary(
            uniqueKeysWithValues: ["manager", "chinese", "european", "outsider"].map {
                ($0, "fund-\($0)-\(UUID().uuidString.prefix(8))@example.eu")
            })
        let manager = try await client.signUp(emails["manager"]!)
        let managing = try await client.createOrganization(token: manager, name: "ChinaEU", country: "BE")
        let chinese = try await client.signUp(emails["chinese"]!)
        let cidf = try await client.createOrganization(
            token: chinese, name: "CIDF", country: "CN", extra: #","province":"CN-BJ""#)
        let european = try await client.signUp(emails["european"]!)
        let bank = try await client.createOrganization(token: european, name: "Isar Bank", country: "DE")
        let outsider = try await client.signUp(emails["outsider"]!)

        let fund = try await client.api(
            .post, "/api/v1/funds", token: manager,
            json:
                #"{"name":{"en":"Digital Silk Road Fund","zh-Hans":"数字丝路基金"},"reportingCurrency":"EUR","managerOrganizationId":"\#(managing)"}"#
        )
        #expect(fund.status == .created, "\(fund.text)")
        let fundId = try fund.json()["id"] as! String
        /// Names the organisation, whose owner then confirms.
        func contributor(_ organization: String, _ amount: String, _ currency: String, owner: String)
            async throws -> String
        {
            let response = try await client.api(
                .post, "/api/v1/funds/\(fundId)/contributors", token: manager,
                json:
                    #"{"organizationId":"\#(organization)","pledge":{"amount":"\#(amount)","currency":"\#(currency)"},"pledgedOn":"2026-10-29"}"#
            )
            #expect(response.status == .created, "\(response.text)")
            #expect(try response.json()["status"] as? String == "invited")
            let id = try response.json()["id"] as! String
            let confirmed = try await client.api(
                .post, "/api/v1/funds/\(fundId)/contributors/\(id)/confirm", token: owner)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            #expect(try confirmed.json()["status"] as? String == "confirmed")
            return id
        }
        let chineseContributor = try await contributor(cidf, "10000000", "CNY", owner: chinese)
        let europeanContributor = try await contributor(bank, "2000000.00", "EUR", owner: european)
        let project = try await client.api(
            .post, "/api/v1/funds/\(fundId)/projects", token: manager,
            json:
                #"{"title":{"en":"Smart grid Munich","zh-Hans":"慕尼黑智能电网"},"sponsorIds":["\#(bank)"],"area":"smart-energy","countries":["DE"],"requested":{"amount":"1250000.50","currency":"EUR"}}"#
        )
        #expect(project.status == .created, "\(project.text)")
        let projectId = try project.json()["id"] as! String
        for stage in ["screening", "due-diligence", "approved"] {
            let moved = try await client.api(
                .post, "/api/v1/funds/\(fundId)/projects/\(projectId)/stage", token: manager,
                json: #"{"stage":"\#(stage)"}"#)
            #expect(moved.status == .ok, "\(moved.text)")
        }
        return FundAPIFixture(
            manager: manager, chinese: chinese, european: european, outsider: outsider, fundId: fundId,
            chineseContributor: chineseContributor, europeanContributor: europeanContributor, projectId: projectId,
            emails: emails)
    }

    func commit(_ client: any TestClientProtocol, _ amount: String, _ currency: String, day: String = "2026-10-31")
        async throws -> TestResponse
    {
        try await client.api(
            .post, "/api/v1/funds/\(fundId)/commitments", token: manager,
            json:
                #"{"projectId":"\#(projectId)","contributorId":"\#(chineseContributor)","amount":{"amount":"\#(amount)","currency":"\#(currency)"},"day":"\#(day)","conditions":"Grid permit granted."}"#
        )
    }
}

@Suite(.timeLimit(.minutes(10))) struct FundAPITests {
    /// What goes into the permanent ledger is read exactly: a day outside the rates' years or after today, or an
    /// amount with spaces around it, is refused at its field, and nothing is appended.
    @Test func looseDaysAndAmountsNeverReachTheLedger() async throws {
        try await withApp { client in
            let fixture = try await FundAPIFixture.make(client)
            let size = try #require(try await client.api(.get, "/api/v1/ledger").json()["size"] as? Int)
            for (amount, day, field) in [
                ("1000.00", "9999-12-31", "day"), ("1000.00", "0001-01-01", "day"), ("1000.00", "1998-12-31", "day"),
                ("1000.00", "2026-02-30", "day"), ("1000.00", " 2026-10-31", "day"),
                (" 1.00", "2026-10-31", "amount.amount"),
            ] {
                let refused = try await fixture.commit(client, amount, "CNY", day: day)
                #expect(refused.status == .badRequest, "\(amount) \(day)")
                let errors = try #require(try refused.json()["errors"] as? [[String: Any]])
                #expect(errors.contains { $0["field"] as? String == field }, "\(amount) \(day): \(errors)")
            }
            #expect(try await client.api(.get, "/api/v1/ledger").json()["size"] as? Int == size)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aProjectGoesFromCommitmentToDisbursementWithExactConversions(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let fixture = try await FundAPIFixture.make(client)
            let committed = try await fixture.commit(client, "1000000.00", "CNY")
            #expect(committed.status == .created, "\(committed.text)")
            let commitment = try committed.json()
            let inFund = commitment["inFundCurrency"] as! [String: Any]
            // Saturday 31 October 2026 converts at Friday's 7.4326 CNY per euro.
            #expect(inFund["rateDate"] as? String == "2026-10-30")
            #expect((inFund["converted"] as? [String: String])?["amount"] == "134542.42")
            let index = try #require(commitment["ledgerIndex"] as? Int)
            let entry = try await client.api(.get, "/api/v1/ledger/entries/\(index)").json()
            #expect((entry["text"] as? String)?.contains(#""type":"fund.commitment""#) == true)
            #expect((entry["text"] as? String)?.contains(#""amount":"1000000.00""#) == true)

            let commitmentId = commitment["id"] as! String
            let paid = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/disbursements", token: fixture.manager,
                json:
                    #"{"commitmentId":"\#(commitmentId)","amount":{"amount":"400000.00","currency":"CNY"},"day":"2026-11-02"}"#
            )
            #expect(paid.status == .created, "\(paid.text)")
            let tooMuch = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/disbursements", token: fixture.manager,
                json:
                    #"{"commitmentId":"\#(commitmentId)","amount":{"amount":"600000.01","currency":"CNY"},"day":"2026-11-02"}"#,
                headers: [.acceptLanguage: "zh-Hans"])
            #expect(tooMuch.status == .conflict)
            #expect(try tooMuch.problemDetail().contains("拨款 600000.01 CNY 超过"))

            let repaid = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/repayments", token: fixture.manager,
                json:
                    #"{"commitmentId":"\#(commitmentId)","amount":{"amount":"12500.00","currency":"CNY"},"day":"2026-11-03","note":"First coupon"}"#
            )
            #expect(repaid.status == .created, "\(repaid.text)")
            #expect(try repaid.json()["kind"] as? String == "repayment")

            let book = try await client.api(.get, "/api/v1/funds/\(fixture.fundId)", token: fixture.manager).json()
            let project = (book["projects"] as! [[String: Any]]).first!
            #expect(project["stage"] as? String == "disbursing")
            let contributors = book["contributors"] as! [[String: Any]]
            let chinese = contributors.first { $0["id"] as? String == fixture.chineseContributor }!
            #expect((chinese["remaining"] as? [String: String])?["amount"] == "9000000.00")

            let report = try await client.api(
                .get, "/api/v1/funds/\(fixture.fundId)/report?currency=CNY", token: fixture.manager
            ).json()
            let totals = report["totals"] as! [String: Any]
            #expect((totals["committed"] as? [String: String])?["amount"] == "1000000.00")
            #expect((totals["disbursed"] as? [String: String])?["amount"] == "400000.00")
            #expect((totals["repaid"] as? [String: String])?["amount"] == "12500.00")
            let flows = report["flows"] as! [[String: Any]]
            let chinaToEurope = flows.first { $0["from"] as? String == "cn" && $0["to"] as? String == "eu" }!
            #expect((chinaToEurope["committed"] as? [String: String])?["amount"] == "1000000.00")

            let csv = try await client.api(
                .get, "/api/v1/funds/\(fixture.fundId)/report?currency=EUR&format=csv", token: fixture.manager)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.hasPrefix("group,key,name_en,name_zh,pledged,committed,disbursed,repaid,currency\r\n"))
            #expect(csv.text.contains("\r\ntotal,total,Total,合计,"))
        }
    }

    @Test func theRulesAreRefusedWithProblems() async throws {
        try await withApp { client in
            let fixture = try await FundAPIFixture.make(client)
            // 10,000,000 CNY pledged; a cent more than that is refused.
            let over = try await fixture.commit(client, "10000000.01", "CNY")
            #expect(over.status == .conflict)
            #expect(try over.problemDetail().contains("remaining pledge of 10000000.00 CNY"))
            let early = try await fixture.commit(client, "1.00", "CNY", day: "1998-12-31")
            #expect(early.status == .badRequest)
            #expect(try early.problemDetail().contains("1999-01-04"))
            let malformed = try await fixture.commit(client, "1,000.00", "CNY")
            #expect(malformed.status == .badRequest)
            #expect(try malformed.problemDetail().contains("amount.amount"))
            let skipping = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/projects/\(fixture.projectId)/stage", token: fixture.manager,
                json: #"{"stage":"completed"}"#)
            #expect(skipping.status == .conflict)
            let rejectWithoutReason = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/projects/\(fixture.projectId)/stage", token: fixture.manager,
                json: #"{"stage":"rejected"}"#)
            #expect(rejectWithoutReason.status == .badRequest)
            let report = try await client.api(
                .get, "/api/v1/funds/\(fixture.fundId)/report?currency=USD", token: fixture.manager)
            #expect(report.status == .badRequest)
        }
    }

    @Test func onlyManagersChangeTheFundAndContributorsSeeTheirOwnPositions() async throws {
        try await withApp { client in
            let fixture = try await FundAPIFixture.make(client)
            #expect(try await fixture.commit(client, "1000.00", "CNY").status == .created)
            let stage = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/projects/\(fixture.projectId)/stage", token: fixture.european,
                json: #"{"stage":"rejected","reason":"Not ours"}"#)
            #expect(stage.status == .forbidden)
            let outsider = try await client.api(.get, "/api/v1/funds/\(fixture.fundId)", token: fixture.outsider)
            #expect(outsider.status == .notFound)
            let anonymous = try await client.api(.get, "/api/v1/funds/\(fixture.fundId)")
            #expect(anonymous.status == .unauthorized)

            let european = try await client.api(.get, "/api/v1/funds/\(fixture.fundId)", token: fixture.european).json()
            #expect(european["access"] as? String == "contributor")
            #expect((european["commitments"] as! [Any]).isEmpty)
            #expect(
                (european["contributors"] as! [[String: Any]]).map { $0["id"] as? String } == [
                    fixture.europeanContributor
                ])
            let chinese = try await client.api(.get, "/api/v1/funds/\(fixture.fundId)", token: fixture.chinese).json()
            #expect((chinese["commitments"] as! [Any]).count == 1)
            let report = try await client.api(
                .get, "/api/v1/funds/\(fixture.fundId)/report", token: fixture.european
            ).json()
            #expect(((report["totals"] as! [String: Any])["committed"] as? [String: String])?["amount"] == "0.00")
            let mine = try await client.api(.get, "/api/v1/me/funds", token: fixture.chinese).json()
            #expect((mine["items"] as! [[String: Any]]).map { $0["id"] as? String } == [fixture.fundId])
            let none = try await client.api(.get, "/api/v1/me/funds", token: fixture.outsider).json()
            #expect((none["items"] as! [Any]).isEmpty)
        }
    }

    /// Finding: a fund manager named any organisation as contributor, and the fund showed in its `/me/funds`.
    @Test func aNamedOrganisationIsAContributorOnlyOnceItConfirms() async throws {
        try await withApp { client in
            let fixture = try await FundAPIFixture.make(client)
            let id = try await fixture.nameTheOutsidersOrganization(client)

            let mine = try await client.api(.get, "/api/v1/me/funds", token: fixture.outsider).json()
            #expect((mine["items"] as! [Any]).isEmpty)
            let invitations =
                try await client.api(.get, "/api/v1/me/fund-invitations", token: fixture.outsider)
                .json()["items"] as! [[String: Any]]
            #expect(invitations.map { ($0["contributor"] as? [String: Any])?["id"] as? String } == [id])
            let committed = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/commitments", token: fixture.manager,
                json:
                    #"{"projectId":"\#(fixture.projectId)","contributorId":"\#(id)","amount":{"amount":"1.00","currency":"CNY"},"day":"2026-10-30"}"#
            )
            #expect(committed.status == .conflict)
            #expect(try committed.problemDetail().contains("not yet confirmed"))
            let report = try await client.api(
                .get, "/api/v1/funds/\(fixture.fundId)/report", token: fixture.manager
            ).json()
            #expect(!(report["byContributor"] as! [[String: Any]]).contains { $0["key"] as? String == id })

            // Only the named organisation answers, and only once.
            let byManager = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/contributors/\(id)/confirm", token: fixture.manager)
            #expect(byManager.status == .forbidden)
            let byOther = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/contributors/\(id)/confirm", token: fixture.european)
            #expect(byOther.status == .forbidden)
            let declined = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/contributors/\(id)/decline", token: fixture.outsider)
            #expect(declined.status == .ok)
            #expect(try declined.json()["status"] as? String == "declined")
            let twice = try await client.api(
                .post, "/api/v1/funds/\(fixture.fundId)/contributors/\(id)/confirm", token: fixture.outsider)
            #expect(twice.status == .conflict)
            let afterwards = try await client.api(.get, "/api/v1/me/funds", token: fixture.outsider).json()
            #expect((afterwards["items"] as! [Any]).isEmpty)
        }
    }
}
