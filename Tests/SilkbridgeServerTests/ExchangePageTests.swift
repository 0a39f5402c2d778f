import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite(.timeLimit(.minutes(10))) struct ExchangePageTests {
    /// Logs a browser in as an account made through the API.
    func browser(_ client: any TestClientProtocol, email: String, language: String) async throws -> BrowserSession {
        var browser = BrowserSession(client, language: language)
        let login = try await browser.post("/login", [("email", email), ("password", "correct horse battery")])
        #expect(login.status == .seeOther)
        return browser
    }

    @Test(arguments: ["en", "zh-Hans"])
    func publishFindInChineseSendAcceptAndTalk(language: String) async throws {
        try await withApp { client in
            let european = try await client.signUp("owner@example.eu")
            let organization = try await client.createOrganization(token: european)
            let chinese = try await client.signUp("sender@example.cn")
            let shenzhen = try await client.api(
                .post, "/api/v1/organizations", token: chinese,
                json:
                    #"{"name":{"en":"Shenzhen Grid","zh-Hans":"深圳电网"},"type":"company","country":"CN","province":"CN-GD","size":"large","areas":["smart-energy"]}"#
            )
            #expect(shenzhen.status == .created)
            let shenzhenName = language == "en" ? "Shenzhen Grid" : "深圳电网"

            // The European drafts an opportunity in the form and publishes it.
            var owner = try await browser(client, email: "owner@example.eu", language: language)
            let form = try await owner.get("/opportunities/new")
            #expect(form.status == .ok)
            #expect(!form.text.contains("{{"))
            let invalid = try await owner.post(
                "/opportunities/new", [("organization", organization), ("type", "technology-offer")])
            #expect(invalid.status == .badRequest)
            let created = try await owner.post(
                "/opportunities/new",
                [
                    ("organization", organization), ("type", "technology-offer"),
                    ("title_en", "Battery storage controller"), ("title_zh", "储能控制器合作"),
                    ("summary_en", "A controller for grid batteries."), ("summary_zh", "寻求储能领域的长期合作。"),
                    ("areas", "smart-energy"), ("partnershipTypes", "licensing"), ("targetSides", "cn"),
                ])
            #expect(created.status == .seeOther)
            let link = try #require(created.headers[.location])
            let draft = try await owner.get(link)
            #expect(draft.text.contains(language == "en" ? "Publish" : "发布"))
            let publish = try #require(draft.text.firstMatch(of: /action="(\/opportunities\/[0-9a-f-]+\/publish)"/)?.1)
            #expect(try await owner.post(String(publish), []).status == .seeOther)

            // The Chinese organisation finds it with a Chinese query, with facets, and expresses interest.
            var sender = try await browser(client, email: "sender@example.cn", language: language)
            let query = "合作".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let results = try await sender.get("/opportunities?q=\(query)")
            #expect(results.status == .ok)
            #expect(!results.text.contains("{{"))
            #expect(results.text.contains("href=\"\(link)\""))
            #expect(results.text.contains(language == "en" ? "Smart energy" : "智慧能源"))
            let page = try await sender.get(link)
            let senderOrganization = try #require(
                page.text.firstMatch(of: /<option value="([0-9a-f-]{36})">(Shenzhen Grid|深圳电网)/)?.1)
            let sent = try await sender.post(
                link + "/interests", [("organization", String(senderOrganization)), ("message", "我们很感兴趣。")])
            #expect(sent.status == .seeOther)
            let interest = try #require(sent.headers[.location])

            // The owner accepts; both write in the thread and the pipeline moves on.
            #expect(try await owner.post(interest + "/accept", []).status == .seeOther)
            #expect(
                try await owner.post(interest + "/messages", [("body", "Welcome, let us talk.")]).status == .seeOther)
            #expect(try await sender.post(interest + "/messages", [("body", "谢谢！")]).status == .seeOther)
            #expect(try await sender.post(interest + "/stage", [("stage", "meeting")]).status == .seeOther)
            let ownerInbox = try await owner.get("/inbox")
            #expect(ownerInbox.status == .ok)
            #expect(!ownerInbox.text.contains("{{"))
            #expect(ownerInbox.text.contains(#"class="badge""#))
            #expect(ownerInbox.text.contains(language == "en" ? "New expression of interest" : "收到新的合作意向"))
            #expect(try await owner.post("/inbox/read", []).status == .seeOther)
            #expect(!(try await owner.get("/inbox").text.contains(#"<span class="badge""#)))
            let thread = try await owner.get(interest)
            #expect(thread.status == .ok)
            #expect(!thread.text.contains("{{"))
            #expect(thread.text.contains("Welcome, let us talk.") && thread.text.contains("谢谢！"))
            // Each message names its organisation in the page's language.
            #expect(thread.text.contains(" · \(shenzhenName) · <time>"), "\(thread.text)")
            #expect(thread.text.contains(#"aria-current="step">\#(language == "en" ? "Meeting" : "会谈")"#))
            let pipeline = try await sender.get("/interests")
            #expect(pipeline.text.contains("href=\"\(interest)\""))

            // A third person sees neither the interest nor its thread.
            _ = try await client.signUp("third@example.eu")
            var third = try await browser(client, email: "third@example.eu", language: language)
            #expect(try await third.get(interest).status == .notFound)
            #expect(!(try await third.get("/interests").text.contains(interest)))
        }
    }
}
