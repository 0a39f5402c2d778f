import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct MatchingAPITests {
    /// Publishes an opportunity (or leaves it a draft) for the organisation; returns its id.
    static func opportunity(
        _ client: any TestClientProtocol, token: String, organization: String, type: String, title: String,
        area: String, partnership: String, extra: String = "", publish: Bool = true
    ) async throws -> String {
        let created = try await client.api(
            .post, "/api/v1/opportunities", token: token,
            json: """
                {"organizationId":"\(organization)","type":"\(type)","title":\(title),\
                "summary":\(title),"areas":["\(area)"],"partnershipTypes":["\(partnership)"]\(extra)}
                """)
        #expect(created.status == .created, "\(created.text)")
        let id = try created.json()["id"] as! String
        if publish { _ = try await client.api(.post, "/api/v1/opportunities/\(id)/publish", token: token) }
        return id
    }

    static func matches(_ client: any TestClientProtocol, _ path: String) async throws -> [[String: Any]] {
        let response = try await client.api(.get, path)
        #expect(response.status == .ok, "\(response.text)")
        return try response.json()["items"] as? [[String: Any]] ?? []
    }

    @Test(arguments: TestDatabase.available)
    func aMutualFitOutranksAOneSidedOneAndExplainsItself(database: TestDatabase) async throws {
        try await withApp(database) { client in
            // A German grid start-up seeks smart meters and offers distribution in Germany.
            let anna = try await client.signUp()
            let isar = try await client.createOrganization(token: anna, name: "Isar Grid")
            let wanted = try await Self.opportunity(
                client, token: anna, organization: isar, type: "technology-request",
                title: #"{"en":"Smart meter supplier wanted"}"#, area: "smart-energy", partnership: "supplier",
                extra: #","targetSides":["cn"]"#)
            _ = try await Self.opportunity(
                client, token: anna, organization: isar, type: "business-offer",
                title: #"{"en":"Distribution of energy devices in Germany"}"#, area: "smart-energy",
                partnership: "distribution")
            // Two Chinese makers offer the same meters; only one seeks what the start-up offers.
            let li = try await client.signUp()
            let mutual = try await client.createOrganization(
                token: li, name: "Shenzhen Meter", country: "CN", extra: #","province":"CN-GD""#)
            let meters = try await Self.opportunity(
                client, token: li, organization: mutual, type: "technology-offer",
                title: #"{"en":"Smart meters for export","zh-Hans":"出口智能电表"}"#, area: "smart-energy",
                partnership: "supplier")
            _ = try await Self.opportunity(
                client, token: li, organization: mutual, type: "business-request",
                title: #"{"en":"Distributor in Germany wanted"}"#, area: "smart-energy", partnership: "distribution",
                extra: #","targetCountries":["DE"]"#)
            let wang = try await client.signUp()
            let oneSided = try await client.createOrganization(
                token: wang, name: "Ningbo Meter", country: "CN", extra: #","province":"CN-ZJ""#)
            _ = try await Self.opportunity(
                client, token: wang, organization: oneSided, type: "technology-offer",
                title: #"{"en":"Smart meters for export","zh-Hans":"出口智能电表"}"#, area: "smart-energy",
                partnership: "supplier")
            // A draft that would fit perfectly takes no part.
            let zhao = try await client.signUp()
            let hidden = try await client.createOrganization(
                token: zhao, name: "Hidden Meter", country: "CN", extra: #","province":"CN-BJ""#)
            _ = try await Self.opportunity(
                client, token: zhao, organization: hidden, type: "technology-offer",
                title: #"{"en":"Smart meters for export"}"#, area: "smart-energy", partnership: "supplier",
                publish: false)
            _ = try await Self.opportunity(
                client, token: zhao, organization: hidden, type: "business-request",
                title: #"{"en":"Distributor in Germany wanted"}"#, area: "smart-energy", partnership: "distribution",
                publish: false)

            // The mutual maker comes first; the one-sided one follows only as a fit one side wants.
            let found = try await Self.matches(client, "/api/v1/organizations/\(isar)/matches")
            #expect(found.map { $0["organizationId"] as? String } == [mutual, oneSided])
            #expect(found.map { $0["mutual"] as? Bool } == [true, false])
            #expect((found[0]["score"] as? Double ?? 0) > (found[1]["score"] as? Double ?? 1))
            #expect(found[1]["youAnswerThem"] as? Double == 0)
            let alone = (found[1]["reasons"] as? [[String: Any]] ?? []).compactMap { $0["en"] as? String }
            #expect(alone.contains("Nothing you publish answers what they seek yet."))
            let match = try #require(found.first)
            #expect(match["theirOpportunityId"] as? String == meters)
            let reasons = (match["reasons"] as? [[String: Any]] ?? []).compactMap { $0["en"] as? String }
            #expect(reasons.first?.contains("Smart meter supplier wanted") == true)
            #expect(reasons.first?.contains("Smart meters for export") == true)
            #expect(reasons.last?.contains("Distributor in Germany wanted") == true)
            let chinese = (match["reasons"] as? [[String: Any]] ?? []).compactMap { $0["zh-Hans"] as? String }
            #expect(chinese.first?.contains("出口智能电表") == true)

            // Seen from the maker, the start-up is the match, and the request alone finds the same partner.
            let back = try await Self.matches(client, "/api/v1/organizations/\(mutual)/matches")
            #expect(back.map { $0["organizationId"] as? String } == [isar])
            let forRequest = try await Self.matches(client, "/api/v1/opportunities/\(wanted)/matches")
            #expect(forRequest.map { $0["organizationId"] as? String } == [mutual, oneSided])
            // The one-sided maker has no mutual partner: it sees who wants its meters, marked as one-sided.
            let lonely = try await Self.matches(client, "/api/v1/organizations/\(oneSided)/matches")
            #expect(lonely.map { $0["organizationId"] as? String } == [isar])
            #expect(lonely.first?["mutual"] as? Bool == false)
            #expect(lonely.first?["theyAnswerYou"] as? Double == 0)

            // Once the start-up expresses interest and the maker declines, neither is proposed to the other again.
            let sent = try await client.api(
                .post, "/api/v1/opportunities/\(meters)/interests", token: anna,
                json: #"{"organizationId":"\#(isar)","message":"Shall we talk?"}"#)
            #expect(sent.status == .created, "\(sent.text)")
            let interest = try sent.json()["id"] as! String
            _ = try await client.api(.post, "/api/v1/interests/\(interest)/decline", token: li)
            let after = try await Self.matches(client, "/api/v1/organizations/\(isar)/matches")
            #expect(after.map { $0["organizationId"] as? String } == [oneSided])
            #expect(try await Self.matches(client, "/api/v1/organizations/\(mutual)/matches").isEmpty)
        }
    }

    @Test func aRequestInEnglishFindsAnOfferWrittenOnlyInChinese() async throws {
        try await withApp { client in
            let anna = try await client.signUp()
            let paris = try await client.createOrganization(token: anna, name: "Paris Cloud", country: "FR")
            _ = try await Self.opportunity(
                client, token: anna, organization: paris, type: "technology-request",
                title: #"{"en":"Cloud computing platform for hospitals"}"#, area: "cloud-computing",
                partnership: "technical-cooperation")
            _ = try await Self.opportunity(
                client, token: anna, organization: paris, type: "investment-offered",
                title: #"{"en":"Seed investment in cloud start-ups"}"#, area: "cloud-computing",
                partnership: "investment")
            let li = try await client.signUp()
            let hangzhou = try await client.createOrganization(
                token: li, name: "Hangzhou Yun", country: "CN", extra: #","province":"CN-ZJ""#)
            _ = try await Self.opportunity(
                client, token: li, organization: hangzhou, type: "technology-offer",
                title: #"{"zh-Hans":"医院云计算平台"}"#, area: "cloud-computing", partnership: "technical-cooperation")
            _ = try await Self.opportunity(
                client, token: li, organization: hangzhou, type: "investment-sought",
                title: #"{"zh-Hans":"云计算初创企业寻求种子投资"}"#, area: "cloud-computing", partnership: "investment")
            let found = try await Self.matches(client, "/api/v1/organizations/\(paris)/matches")
            #expect(found.map { $0["organizationId"] as? String } == [hangzhou])
            let reasons = (found.first?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["en"] as? String }
            #expect(reasons.first?.contains("Cloud computing") == true, "\(reasons)")
            // The same side is left out unless asked for.
            let same = try await Self.matches(client, "/api/v1/organizations/\(paris)/matches?sameSide=true")
            #expect(same.count == 1)
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func theSuggestedPartnersPageSendsInterestInOneClick(language: String) async throws {
        try await withApp { client in
            let anna = try await client.signUp("anna-matches@example.eu")
            let isar = try await client.createOrganization(token: anna, name: "Isar Grid")
            _ = try await Self.opportunity(
                client, token: anna, organization: isar, type: "technology-request",
                title: #"{"en":"Smart meter supplier wanted"}"#, area: "smart-energy", partnership: "supplier")
            _ = try await Self.opportunity(
                client, token: anna, organization: isar, type: "business-offer",
                title: #"{"en":"Distribution in Germany"}"#, area: "smart-energy", partnership: "distribution")
            let li = try await client.signUp()
            let maker = try await client.createOrganization(
                token: li, name: "Shenzhen Meter", country: "CN", extra: #","province":"CN-GD""#)
            let meters = try await Self.opportunity(
                client, token: li, organization: maker, type: "technology-offer",
                title: #"{"en":"Smart meters","zh-Hans":"智能电表"}"#, area: "smart-energy", partnership: "supplier")
            _ = try await Self.opportunity(
                client, token: li, organization: maker, type: "business-request",
                title: #"{"en":"Distributor wanted","zh-Hans":"寻找分销商"}"#, area: "smart-energy",
                partnership: "distribution")

            var browser = BrowserSession(client, language: language)
            _ = try await browser.post(
                "/login", [("email", "anna-matches@example.eu"), ("password", "correct horse battery")])
            let page = try await browser.get("/organizations/\(isar)/matches")
            #expect(page.status == .ok)
            #expect(page.text.contains("Shenzhen Meter"))
            #expect(page.text.contains(language == "en" ? "Express interest" : "表达合作意向"))
            #expect(!page.text.contains("{{"))
            // Visitors see the suggestions but get no button.
            var visitor = BrowserSession(client, language: language)
            let public_ = try await visitor.get("/organizations/\(isar)/matches")
            #expect(public_.text.contains("Shenzhen Meter"))
            #expect(!public_.text.contains("interestAction") && !public_.text.contains("/interests\""))
            let sent = try await browser.post(
                "/opportunities/\(meters)/interests", [("organization", isar), ("message", "Shall we talk?")])
            #expect(sent.status == .seeOther)
            let interests = try await client.api(.get, "/api/v1/opportunities/\(meters)/interests", token: li).json()
            #expect((interests["items"] as? [[String: Any]])?.count == 1)
            // Now in touch, they are no longer suggested to each other.
            #expect(try await browser.get("/organizations/\(isar)/matches").text.contains("Shenzhen Meter") == false)
        }
    }

    @Test func anOrganisationThatPublishedNothingSeesWhoPublishesInItsAreas() async throws {
        try await withApp { client in
            let anna = try await client.signUp()
            // The test organisation works in smart energy and has published nothing.
            let quiet = try await client.createOrganization(token: anna, name: "Quiet Energy")
            let li = try await client.signUp()
            let maker = try await client.createOrganization(
                token: li, name: "Shenzhen Meter", country: "CN", extra: #","province":"CN-GD""#)
            let request = try await Self.opportunity(
                client, token: li, organization: maker, type: "business-request",
                title: #"{"en":"Distributor in Germany wanted","zh-Hans":"寻找德国分销商"}"#, area: "smart-energy",
                partnership: "distribution")
            let elsewhere = try await client.createOrganization(
                token: li, name: "Cloud Only", country: "CN", extra: #","province":"CN-BJ""#)
            _ = try await Self.opportunity(
                client, token: li, organization: elsewhere, type: "business-request",
                title: #"{"en":"Cloud partner wanted"}"#, area: "cloud-computing", partnership: "distribution")
            let found = try await Self.matches(client, "/api/v1/organizations/\(quiet)/matches")
            #expect(found.map { $0["organizationId"] as? String } == [maker])
            #expect(found.map { $0["theirOpportunityId"] as? String } == [request])
            #expect(found.map { $0["yourOpportunityId"] as? String } == [nil])
            #expect(found.map { $0["mutual"] as? Bool } == [false])
            let reasons = found.flatMap { ($0["reasons"] as? [[String: Any]] ?? []).compactMap { $0["en"] as? String } }
            #expect(reasons.first == "They seek “Distributor in Germany wanted” in Smart energy, where you work.")
        }
    }

    @Test func badRequestsGetClearAnswers() async throws {
        try await withApp { client in
            let tooMany = try await client.api(.get, "/api/v1/organizations/\(UUID())/matches?limit=500")
            #expect(tooMany.status == .badRequest)
            let unknown = try await client.api(.get, "/api/v1/organizations/\(UUID())/matches")
            #expect(unknown.status == .notFound)
            let draft = try await client.api(.get, "/api/v1/opportunities/\(UUID())/matches")
            #expect(draft.status == .notFound)
        }
    }
}
