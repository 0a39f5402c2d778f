import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct OpportunityFormTests {
    static func logIn(_ client: any TestClientProtocol, language: String) async throws -> BrowserSession {
        var browser = BrowserSession(client, language: language)
        let login = try await browser.post(
            "/login", [("email", "owner@example.eu"), ("password", "correct horse battery")])
        #expect(login.status == .seeOther)
        return browser
    }

    static let nextYear = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1

    @Test(arguments: ["en", "zh-Hans"])
    func formTakesEveryFieldTheAPIAccepts(language: String) async throws {
        try await withApp { client in
            let organization = try await client.createOrganization(token: try await client.signUp("owner@example.eu"))
            var owner = try await Self.logIn(client, language: language)
            let form = try await owner.get("/opportunities/new")
            for name in [
                "subtopics", "targetCountries", "stage", "ipStatus", "minimum", "maximum", "currency", "deadline",
            ] {
                #expect(form.text.contains("name=\"\(name)\""), "\(name)")
            }

            let technology = try await owner.post(
                "/opportunities/new",
                [
                    ("organization", organization), ("type", "technology-offer"), ("title_en", "Grid controller"),
                    ("summary_en", "A controller for grid batteries."), ("areas", "smart-energy"),
                    ("subtopics", "smart-energy-smart-grids"), ("partnershipTypes", "licensing"),
                    ("targetSides", "cn"), ("targetCountries", "CN"), ("stage", "pilot"), ("ipStatus", "patented"),
                    ("deadline", "\(Self.nextYear)-03-31"),
                ])
            #expect(technology.status == .seeOther)
            let page = try await owner.get(try #require(technology.headers[.location]))
            let english = language == "en"
            for shown in [
                english ? "Smart grids" : "智能电网", english ? "Pilot" : "试点", english ? "Patented" : "已获专利",
                english ? "China" : "中国", "\(Self.nextYear)-03-31",
            ] {
                #expect(page.text.contains(shown), "\(shown)")
            }

            let investment = try await owner.post(
                "/opportunities/new",
                [
                    ("organization", organization), ("type", "investment-sought"), ("title_en", "Series A"),
                    ("summary_en", "We raise a first round."), ("areas", "smart-energy"),
                    ("partnershipTypes", "investment"), ("minimum", "500,000"), ("maximum", "2000000"),
                    ("currency", "CNY"),
                ])
            #expect(investment.status == .seeOther)
            let investmentPage = try await owner.get(try #require(investment.headers[.location]))
            #expect(investmentPage.text.contains("500000–2000000 CNY"))
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func formShowsEachProblemNextToItsFieldAndKeepsTheInput(language: String) async throws {
        try await withApp { client in
            let organization = try await client.createOrganization(token: try await client.signUp("owner@example.eu"))
            var owner = try await Self.logIn(client, language: language)
            let fields = [
                ("organization", organization), ("type", "business-offer"), ("title_en", "Meters"),
                ("summary_en", "Smart meters."), ("areas", "smart-energy"), ("partnershipTypes", "distribution"),
                ("minimum", "lots"), ("deadline", "someday"), ("currency", "EUR"),
            ]
            let unreadable = try await owner.post("/opportunities/new", fields)
            #expect(unreadable.status == .badRequest)
            let english = language == "en"
            #expect(unreadable.text.contains(english ? "must be a whole number." : "必须是整数。"))
            #expect(unreadable.text.contains(english ? "must be a date." : "必须是日期。"))
            #expect(unreadable.text.contains(#"value="lots""#))
            #expect(unreadable.text.contains(#"value="Meters""#))

            // A choice the form did not offer is a message at its field, not a guess.
            let unknown = try await owner.post(
                "/opportunities/new", [("organization", "no-such-organisation")] + Array(fields.dropFirst()))
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains(#"id="error-organization""#))

            // Values that read well but do not fit the type are refused by the same rules as in the API.
            let misfit = try await owner.post(
                "/opportunities/new",
                Array(fields.dropLast(3)) + [
                    ("stage", "pilot"), ("minimum", "10"), ("maximum", "5"), ("subtopics", "5g-private-networks"),
                ])
            #expect(misfit.status == .badRequest)
            #expect(
                misfit.text.contains(
                    english ? "applies only to technology offers and requests." : "仅适用于技术提供和技术需求。"))
            #expect(misfit.text.contains(english ? "applies only to investment opportunities." : "仅适用于投资类合作机会。"))
            #expect(misfit.text.contains(#"<option value="pilot" selected>"#))
            #expect(misfit.text.contains(#"value="5g-private-networks" checked"#))
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct OpportunityEditFormTests {
    @Test(arguments: ["en", "zh-Hans"])
    func membersEditEveryFieldOthersMayNot(language: String) async throws {
        try await withApp { client in
            let owner = try await client.signUp("owner@example.eu")
            let organization = try await client.createOrganization(token: owner)
            let created = try await client.api(
                .post, "/api/v1/opportunities", token: owner,
                json: """
                    {"organizationId":"\(organization)","type":"technology-offer","title":{"en":"Grid controller"},\
                    "summary":{"en":"A controller."},"areas":["smart-energy"],"partnershipTypes":["licensing"],\
                    "stage":"prototype","ipStatus":"proprietary","targetCountries":["CN"]}
                    """)
            let id = try #require(try created.json()["id"] as? String)
            let edit = "/opportunities/\(id)/edit"
            _ = try await client.signUp("stranger@example.eu")
            var stranger = try await ExchangePageTests().browser(
                client, email: "stranger@example.eu", language: language)
            // A draft is hidden from non-members altogether.
            #expect(try await stranger.get(edit).status == .notFound)
            #expect(try await stranger.post(edit, [("title_en", "Taken over")]).status == .notFound)
            _ = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: owner)
            #expect(try await stranger.get(edit).status == .forbidden)
            #expect(try await stranger.post(edit, [("title_en", "Taken over")]).status == .forbidden)

            var browser = try await OpportunityFormTests.logIn(client, language: language)
            let page = try await browser.get("/opportunities/\(id)")
            #expect(page.text.contains(#"href="\#(edit)""#))
            let form = try await browser.get(edit)
            #expect(form.status == .ok)
            #expect(form.text.contains(#"value="Grid controller""#))
            #expect(form.text.contains(#"<option value="prototype" selected>"#))
            #expect(form.text.contains(#"<option value="CN" selected>"#))
            #expect(!form.text.contains(#"name="organization""#))

            let fields = [
                ("type", "technology-offer"), ("title_en", "Grid controller v2"), ("summary_en", "A controller."),
                ("areas", "smart-energy"), ("partnershipTypes", "licensing"), ("stage", "market-ready"),
                ("ipStatus", ""), ("subtopics", "smart-energy-smart-grids"),
            ]
            let refused = try await browser.post(edit, fields + [("minimum", "5")])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(#"value="Grid controller v2""#))
            #expect(try await browser.post(edit, fields).status == .seeOther)
            let stored = try await client.api(.get, "/api/v1/opportunities/\(id)", token: owner).json()
            #expect(stored["title"] as? [String: String] == ["en": "Grid controller v2"])
            #expect(stored["stage"] as? String == "market-ready")
            // Fields the form sends empty are cleared.
            #expect(stored["ipStatus"] == nil)
            #expect(stored["targetCountries"] as? [String] == [])
            #expect(stored["subtopics"] as? [String] == ["smart-energy-smart-grids"])
        }
    }
}
