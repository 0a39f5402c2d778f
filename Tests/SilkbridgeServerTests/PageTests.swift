import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite(.timeLimit(.minutes(10))) struct PageTests {
    @Test(arguments: ["en", "zh-Hans"])
    func everyPublicPageRendersInBothLanguages(language: String) async throws {
        try await withApp(demo: true) { client in
            var browser = BrowserSession(client, language: language)
            let directory = try await browser.get("/organizations")
            #expect(directory.status == .ok)
            #expect(directory.text.contains(language == "en" ? "Directory of organisations" : "机构名录"))
            #expect(directory.text.contains(language == "en" ? "Huawei" : "华为"))
            let link = try #require(directory.text.firstMatch(of: /href="(\/organizations\/[0-9a-f-]{36})"/)?.1)
            for path in ["/", "/signup", "/login", String(link)] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.text.contains("<html lang=\"\(language)\">"), "\(path)")
                #expect(!page.text.contains("{{"), "\(path) left a Mustache tag unrendered")
            }
        }
    }

    @Test func theLanguageSwitchIsRemembered() async throws {
        try await withApp { client in
            var browser = BrowserSession(client)
            let switched = try await browser.get("/organizations?lang=zh-Hans")
            #expect(switched.text.contains("机构名录"))
            let later = try await browser.get("/")
            #expect(later.text.contains("<html lang=\"zh-Hans\">"))
            let english = try await client.execute(
                uri: "/", method: .get, headers: [.acceptLanguage: "zh-CN"], body: nil)
            #expect(english.text.contains("<html lang=\"zh-Hans\">"))
        }
    }

    @Test func signUpRegisterAnOrganisationAndFindIt() async throws {
        try await withApp { client in
            var browser = BrowserSession(client)
            let signUp = try await browser.post(
                "/signup",
                [("displayName", "Anna"), ("email", "anna@example.eu"), ("password", "correct horse battery")])
            #expect(signUp.status == .seeOther)
            #expect(signUp.headers[.location] == "/organizations/new")
            let form = try await browser.get("/organizations/new")
            #expect(form.status == .ok)

            let created = try await browser.post(
                "/organizations/new",
                [
                    ("name_en", "Isar Flux"), ("name_zh", "伊萨尔通量"), ("type", "startup"), ("size", "micro"),
                    ("country", "DE"), ("areas", "smart-energy"), ("areas", "iot"), ("description_en", "Batteries"),
                ])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let profile = try await browser.get(location)
            #expect(profile.text.contains("Isar Flux"))
            #expect(profile.text.contains("伊萨尔通量"))
            let found = try await browser.get("/organizations?q=%E4%BC%8A%E8%90%A8%E5%B0%94")
            #expect(found.text.contains(location))
            // Browsers send the spaces of a GET form as `+`.
            let spaced = try await browser.get("/organizations?q=isar+flux")
            #expect(spaced.text.contains(location))
        }
    }

    @Test func aFormWithErrorsKeepsWhatWasTypedAndSaysWhatIsWrong() async throws {
        try await withApp { client in
            var browser = BrowserSession(client, language: "zh-Hans")
            _ = try await browser.post(
                "/signup", [("displayName", "Li"), ("email", "li@example.cn"), ("password", "correct horse battery")])
            let response = try await browser.post(
                "/organizations/new", [("name_en", "Half Done <b>"), ("type", "startup"), ("country", "CN")])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("value=\"Half Done &lt;b&gt;\""))
            #expect(response.text.contains("中国机构必须填写省份"))
            #expect(response.text.contains("至少选择一个领域"))
        }
    }

    @Test func formsWithoutTheVisitorsCSRFTokenAreRefused() async throws {
        try await withApp { client in
            var browser = BrowserSession(client)
            let forged = try await browser.post(
                "/signup",
                [("displayName", "Eve"), ("email", "eve@example.eu"), ("password", "correct horse battery")],
                csrf: "forged")
            #expect(forged.status == .forbidden)
            let logIn = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"eve@example.eu","password":"correct horse battery"}"#)
            #expect(logIn.status == .unauthorized, "the forged sign-up must not have created the account")
        }
    }

    @Test func onlyMembersSeeEditAndMemberPages() async throws {
        try await withApp { client in
            let owner = try await client.signUp("owner@example.eu")
            let id = try await client.createOrganization(token: owner)
            var stranger = BrowserSession(client)
            _ = try await stranger.post(
                "/signup", [("displayName", "Eve"), ("email", "eve@example.eu"), ("password", "correct horse battery")])
            let profile = try await stranger.get("/organizations/\(id)")
            #expect(profile.status == .ok)
            #expect(!profile.text.contains("/organizations/\(id)/edit"))
            #expect(try await stranger.get("/organizations/\(id)/edit").status == .forbidden)
            #expect(try await stranger.get("/organizations/\(id)/members").status == .forbidden)
            let takeover = try await stranger.post("/organizations/\(id)/edit", [("name_en", "Mine now")])
            #expect(takeover.status == .forbidden)
            var anonymous = BrowserSession(client)
            let redirect = try await anonymous.get("/organizations/\(id)/edit")
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers[.location]?.hasPrefix("/login?next=") == true)
        }
    }

    /// A return path that a browser would read as another site is dropped, at the log-in page and after it.
    @Test(arguments: [
        "/%09/evil.example", "//evil.example", "/%5Cevil.example", "/%0D%0A/evil.example", "https://evil.example",
    ])
    func logInNeverSendsPeopleToAnotherSite(next: String) async throws {
        try await withApp { client in
            _ = try await client.signUp("anna@example.eu")
            var browser = BrowserSession(client)
            let page = try await browser.get("/login?next=\(next)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<input type="hidden" name="next" value="">"#))
            let login = try await browser.post(
                "/login",
                [
                    ("email", "anna@example.eu"), ("password", "correct horse battery"),
                    ("next", next.removingPercentEncoding!),
                ])
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/organizations")
        }
        // A plain local path still comes back.
        try await withApp { client in
            _ = try await client.signUp("anna@example.eu")
            var browser = BrowserSession(client)
            let login = try await browser.post(
                "/login", [("email", "anna@example.eu"), ("password", "correct horse battery"), ("next", "/events")])
            #expect(login.headers[.location] == "/events")
        }
    }

    @Test func membersPageAddsAndListsMembers() async throws {
        try await withApp { client in
            var owner = BrowserSession(client)
            _ = try await owner.post(
                "/signup", [("displayName", "Owner"), ("email", "o@example.eu"), ("password", "correct horse battery")])
            let created = try await owner.post(
                "/organizations/new",
                [("name_en", "Team"), ("type", "company"), ("size", "small"), ("country", "FR"), ("areas", "5g")])
            let location = try #require(created.headers[.location])
            let added = try await owner.post(location + "/members", [("email", "new@example.eu"), ("role", "admin")])
            #expect(added.status == .seeOther)
            let page = try await owner.get(location + "/members")
            #expect(page.text.contains("new@example.eu"))
            #expect(page.text.contains("member.invited"))
        }
    }

    @Test func unknownPagesAreReadableErrors() async throws {
        try await withApp { client in
            var browser = BrowserSession(client, language: "zh-Hans")
            let missing = try await browser.get("/organizations/\(UUID())")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(missing.text.contains("没有此编号的机构"))
        }
    }
}
