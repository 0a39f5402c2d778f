import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrustLedger

@Suite(.timeLimit(.minutes(10))) struct AgreementPageTests {
    func browser(_ client: any TestClientProtocol, _ party: AgreementFixture.Party, language: String) async throws
        -> BrowserSession
    {
        var browser = BrowserSession(client, language: language)
        let login = try await browser.post("/login", [("email", party.email), ("password", "correct horse battery")])
        #expect(login.status == .seeOther)
        return browser
    }

    @Test(arguments: ["en", "zh-Hans"])
    func draftReviseCompareOpenSignAndSeeTheChecks(language: String) async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            var europe = try await browser(client, parties.europe, language: language)
            let form = try await europe.get("/agreements/new?party=\(parties.china.organizationId)")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"value="\#(parties.china.organizationId)" selected"#))
            let invalid = try await europe.post(
                "/agreements/new",
                [
                    ("organization", parties.europe.organizationId), ("kind", "letter-of-intent"),
                    ("parties", parties.china.organizationId), ("visibility", "public-text"),
                ])
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains(#"id="error-title_en""#))
            #expect(invalid.text.contains(#"id="error-text_en""#))
            let created = try await europe.post(
                "/agreements/new",
                [
                    ("organization", parties.europe.organizationId), ("kind", "letter-of-intent"),
                    ("parties", parties.china.organizationId), ("visibility", "public-text"),
                    ("title_en", "Smart meters"), ("title_zh", "智能电表"), ("areas", "smart-energy"),
                    ("termStart", "2026-12-01"), ("termMonths", "60"), ("prevailing", "en"),
                    ("text_en", "Line one.\nLine two."), ("text_zh", "第一行。"),
                    ("attachments", "\(String(repeating: "ab", count: 32))  annex-a.pdf"),
                ])
            #expect(created.status == .seeOther, "\(created.text)")
            let link = try #require(created.headers[.location])

            let revised = try await europe.post(
                link + "/edit",
                [
                    ("title_en", "Smart meters"), ("title_zh", "智能电表"), ("areas", "smart-energy"),
                    ("termStart", "2026-12-01"), ("termMonths", "60"), ("prevailing", "en"),
                    ("text_en", "Line one.\nLine 2, changed."), ("text_zh", "第一行。"),
                ])
            #expect(revised.status == .seeOther, "\(revised.text)")
            let diff = try await europe.get(link + "/diff?from=1&to=2")
            #expect(diff.status == .ok)
            #expect(diff.text.contains(#"<span class="diff-removed">− Line two.</span>"#))
            #expect(diff.text.contains(#"<span class="diff-added">+ Line 2, changed.</span>"#))

            _ = try await europe.post(link + "/open", [])
            let page = try await europe.get(link)
            // Open for signature: the drafting party may sign, decline or withdraw, not yet terminate.
            #expect(page.text.contains("sign-form"))
            #expect(page.text.contains(#"action="\#(link)/decline""#))
            #expect(page.text.contains(#"action="\#(link)/withdraw""#))
            #expect(!page.text.contains(#"action="\#(link)/terminate""#))
            let message = try #require(Self.signingMessage(in: page.text))
            // What the page's script does with the key the signer pastes: sign the message shown, send the signature.
            for (party, session) in [
                (parties.europe, europe), (parties.china, try await browser(client, parties.china, language: language)),
            ] {
                var session = session
                let signature = try party.signer.sign(Data(message.utf8)).base64EncodedString()
                let signed = try await session.post(
                    link + "/signatures",
                    [
                        ("organization", party.organizationId), ("version", "2"), ("key", party.keyId),
                        ("signature", signature),
                    ])
                #expect(signed.status == .seeOther, "\(signed.text)")
            }
            // In force: only terminating is left, for a party; an outsider sees no form at all.
            let inForce = try await europe.get(link)
            #expect(!inForce.text.contains("sign-form"))
            #expect(!inForce.text.contains(#"action="\#(link)/decline""#))
            #expect(!inForce.text.contains(#"action="\#(link)/withdraw""#))
            #expect(inForce.text.contains(#"action="\#(link)/terminate""#))
            var visitor = BrowserSession(client, language: language)
            let signedPage = try await visitor.get(link)
            #expect(!signedPage.text.contains(#"action="\#(link)/terminate""#))
            #expect(signedPage.status == .ok)
            #expect(signedPage.text.contains(#"class="status status-in-force" id="agreement-status""#))
            #expect(signedPage.text.contains(#"<li class="ok">"#))
            #expect(!signedPage.text.contains(#"<li class="failed">"#))
            #expect(!signedPage.text.contains("{{"))
            let register = try await visitor.get("/agreements?q=smart")
            #expect(register.text.contains(link))
        }
    }

    @Test func outsidersNeitherSeeDraftsNorGrantSignatories() async throws {
        try await withApp { client in
            let parties = try await AgreementFixture.make(client)
            let id = try await parties.draft(client)
            var anonymous = BrowserSession(client)
            let page = try await anonymous.get("/agreements/\(id)")
            #expect(page.status == .notFound)
            var china = try await browser(client, parties.china, language: "en")
            let members = try await china.get("/organizations/\(parties.europe.organizationId)/members")
            #expect(members.status == .forbidden)
        }
    }

    /// The text of the page's `<pre id="signing-message">`, unescaped as a browser's `textContent` would be.
    static func signingMessage(in html: String) -> String? {
        guard let start = html.range(of: #"<pre class="signing-message" id="signing-message">"#),
            let end = html.range(of: "</pre>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&#10;", with: "\n")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
