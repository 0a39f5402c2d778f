import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SilkbridgeCore
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct EmailVerificationTests {
    func verified(_ client: any TestClientProtocol, _ token: String) async throws -> Bool? {
        let me = try await client.api(.get, "/api/v1/me", token: token)
        return (try me.json()["account"] as? [String: Any])?["emailVerified"] as? Bool
    }

    @Test(arguments: TestDatabase.available)
    func signUpMailsALinkThatVerifiesTheAddressOnce(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let created = try await client.api(
                .post, "/api/v1/accounts",
                json:
                    #"{"email":"wang@example.cn","password":"correct horse battery","displayName":"王芳","preferredLanguage":"zh-Hans"}"#
            )
            #expect(created.status == .created)
            #expect(try created.json()["emailVerified"] as? Bool == false)
            let session = try await client.api(
                .post, "/api/v1/sessions", json: #"{"email":"wang@example.cn","password":"correct horse battery"}"#)
            let token = try #require(try session.json()["token"] as? String)
            #expect(try await verified(client, token) == false)

            // One mail, in the language the person chose, to the address, with the link.
            let mails = try await TestMailbox.mails(to: "wang@example.cn")
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.subject.contains("确认"))
            #expect(mail.recipientName == "王芳")
            #expect(mail.text.contains("http://127.0.0.1:8080/verify-email?token=sb_"))

            let wrong = try await client.api(.post, "/api/v1/email-verifications", json: #"{"token":"sb_nothing"}"#)
            #expect(wrong.status == .notFound)
            #expect(try wrong.problemDetail().contains("link"))
            let linkToken = try await TestMailbox.linkToken(to: "wang@example.cn")
            let used = try await client.api(.post, "/api/v1/email-verifications", json: #"{"token":"\#(linkToken)"}"#)
            #expect(used.status == .ok)
            #expect(try used.json()["emailVerified"] as? Bool == true)
            #expect(try await verified(client, token) == true)
            let again = try await client.api(.post, "/api/v1/email-verifications", json: #"{"token":"\#(linkToken)"}"#)
            #expect(again.status == .notFound)

            let resend = try await client.api(.post, "/api/v1/me/email-verification", token: token)
            #expect(resend.status == .conflict)
        }
    }

    @Test func aDisplayNameIsOneLine() async throws {
        try await withApp { client in
            let refused = try await client.api(
                .post, "/api/v1/accounts",
                json:
                    #"{"email":"anna@example.eu","password":"correct horse battery","displayName":"Anna\r\nBcc: x@y.eu"}"#
            )
            #expect(refused.status == .badRequest)
            #expect(try refused.problemDetail().contains("displayName"))
            #expect(try await TestMailbox.mails(to: "anna@example.eu").isEmpty)
        }
    }

    @Test func resendingIsLimited() async throws {
        try await withApp { client in
            let token = try await client.signUp("anna@example.eu")
            let first = try await client.api(.post, "/api/v1/me/email-verification", token: token)
            // The sign-up's own mail went out just now, so the next must wait a minute.
            #expect(first.status == .tooManyRequests)
            let wait = try #require(first.headers[.retryAfter].flatMap { Int($0) })
            #expect(wait > 0 && wait <= 60)
            #expect(try first.problemDetail().contains("confirmation mail"))
            #expect(try await TestMailbox.mails(to: "anna@example.eu").count == 1)
            let anonymous = try await client.api(.post, "/api/v1/me/email-verification")
            #expect(anonymous.status == .unauthorized)
        }
    }

    /// Finding: an invitation went to whoever signed up first with the address, in any letter case.
    @Test func anInvitationIsNotTakenBySigningUpWithTheAddress() async throws {
        try await withApp { client in
            let owner = try await client.signUp("owner@example.eu")
            let id = try await client.createOrganization(token: owner)
            let invited = try await client.api(
                .post, "/api/v1/organizations/\(id)/members", token: owner,
                json: #"{"email":"new.cto@example.eu","role":"admin"}"#)
            #expect(invited.status == .created)

            let intruder = try await client.signUp("New.CTO@example.eu")
            for path in ["/members", "/webhooks", "/audit"] {
                let read = try await client.api(.get, "/api/v1/organizations/\(id)\(path)", token: intruder)
                #expect(read.status == .forbidden, "\(path)")
            }
            let me = try await client.api(.get, "/api/v1/me", token: intruder)
            #expect((try me.json()["memberships"] as? [Any])?.isEmpty == true)
            // Adding the address again while its account is unverified still only invites.
            let members = try await client.api(.get, "/api/v1/organizations/\(id)/members", token: owner)
            let items = try #require(try members.json()["items"] as? [[String: Any]])
            #expect(items.first { $0["email"] as? String == "new.cto@example.eu" }?["pending"] as? Bool == true)

            // The holder of the address, who reads the mail, takes the invitation up.
            try await client.verifyEmail("new.cto@example.eu")
            let after = try await client.api(.get, "/api/v1/organizations/\(id)/webhooks", token: intruder)
            #expect(after.status == .ok)
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func theMailedLinkOpensAPageThatConfirmsOnlyWhenAsked(language: String) async throws {
        try await withApp { client in
            var browser = BrowserSession(client, language: language)
            let signUp = try await browser.post(
                "/signup",
                [("displayName", "Li"), ("email", "li@example.cn"), ("password", "correct horse battery")])
            #expect(signUp.status == .seeOther)
            let banner = try await browser.get("/organizations")
            #expect(banner.text.contains(#"class="banner""#))
            #expect(banner.text.contains("li@example.cn"))

            let token = try await TestMailbox.linkToken(to: "li@example.cn")
            // Opening the link, as a mail filter does, changes nothing.
            var elsewhere = BrowserSession(client, language: language)
            let page = try await elsewhere.get("/verify-email?token=\(token)")
            #expect(page.status == .ok)
            #expect(page.text.contains(token))
            let account = try await browser.get("/account")
            #expect(account.text.contains(language == "en" ? "not confirmed yet" : "尚未确认"))

            let confirmed = try await elsewhere.post("/verify-email", [("token", token)])
            #expect(confirmed.status == .ok)
            #expect(confirmed.text.contains(language == "en" ? "Your address is confirmed" : "您的地址已确认"))
            let reused = try await elsewhere.post("/verify-email", [("token", token)])
            #expect(reused.status == .notFound)
            #expect(reused.text.contains(language == "en" ? "does not work" : "链接无效"))
            let after = try await browser.get("/organizations")
            #expect(!after.text.contains(#"class="banner""#))
        }
    }

    @Test func theAccountPageSendsTheLinkAgainWithinTheLimit() async throws {
        try await withApp { client in
            var browser = BrowserSession(client, language: "en")
            _ = try await browser.post(
                "/signup",
                [("displayName", "Li"), ("email", "li@example.cn"), ("password", "correct horse battery")])
            _ = try await browser.get("/account")
            let refused = try await browser.post("/account/verification", [])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("confirmation mail was sent a short while ago"))
            #expect(try await TestMailbox.mails(to: "li@example.cn").count == 1)
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct InvitationMailTests {
    @Test func anInvitationMailLeadsThroughSignUpAndVerificationIntoTheOrganisation() async throws {
        try await withApp { client in
            let owner = try await client.signUpVerified("owner@example.eu", name: "Anna")
            let id = try await client.createOrganization(token: owner, name: "Isar Energy")
            let invited = try await client.api(
                .post, "/api/v1/organizations/\(id)/members", token: owner,
                json: #"{"email":"li.wei@example.cn","role":"admin"}"#)
            #expect(invited.status == .created)

            // Nobody there knows the person's language: the mail speaks both.
            let mail = try #require(try await TestMailbox.mails(to: "li.wei@example.cn").first)
            #expect(mail.kind == .invitation)
            #expect(mail.subject.contains("Anna invites you to Isar Energy") && mail.subject.contains("邀请"))
            #expect(mail.text.contains("as admin") && mail.text.contains("管理员"))
            let link = "http://127.0.0.1:8080/signup?email=li.wei@example.cn"
            #expect(mail.text.contains(link))
            var browser = BrowserSession(client, language: "zh-Hans")
            let form = try await browser.get("/signup?email=li.wei@example.cn")
            #expect(form.text.contains(#"value="li.wei@example.cn""#))

            let li = try await client.signUpVerified("li.wei@example.cn", name: "李伟")
            let me = try await client.api(.get, "/api/v1/me", token: li)
            let memberships = try #require(try me.json()["memberships"] as? [[String: Any]])
            #expect(memberships.map { $0["organizationId"] as? String } == [id])
        }
    }

    @Test func aVerifiedPersonIsAddedWithoutAMailAndAnUnverifiedOneIsMailedInTheirLanguage() async throws {
        try await withApp { client in
            let owner = try await client.signUp("owner@example.eu")
            let id = try await client.createOrganization(token: owner)
            _ = try await client.signUpVerified("verified@example.eu")
            let unverified = try await client.api(
                .post, "/api/v1/accounts",
                json:
                    #"{"email":"wang@example.cn","password":"correct horse battery","displayName":"王芳","preferredLanguage":"zh-Hans"}"#
            )
            #expect(unverified.status == .created)
            for email in ["verified@example.eu", "wang@example.cn"] {
                let added = try await client.api(
                    .post, "/api/v1/organizations/\(id)/members", token: owner,
                    json: #"{"email":"\#(email)","role":"member"}"#)
                #expect(added.status == .created)
            }
            #expect(try await TestMailbox.mails(to: "verified@example.eu").map(\.kind) == [.emailVerification])
            let invitation = try #require(
                try await TestMailbox.mails(to: "wang@example.cn").first { $0.kind == .invitation })
            #expect(invitation.recipientName == "王芳")
            #expect(invitation.subject.contains("邀请") && !invitation.subject.contains("invites"))
        }
    }

    @Test func anInvitationRevokedBeforeTheVerificationIsNotTakenUp() async throws {
        try await withApp { client in
            let owner = try await client.signUp("owner@example.eu")
            let id = try await client.createOrganization(token: owner)
            let invited = try await client.api(
                .post, "/api/v1/organizations/\(id)/members", token: owner,
                json: #"{"email":"li@example.cn","role":"admin"}"#)
            let memberId = try #require(try invited.json()["id"] as? String)
            let revoked = try await client.api(
                .delete, "/api/v1/organizations/\(id)/members/\(memberId)", token: owner)
            #expect(revoked.status == .noContent)
            let li = try await client.signUpVerified("li@example.cn")
            let me = try await client.api(.get, "/api/v1/me", token: li)
            #expect((try me.json()["memberships"] as? [Any])?.isEmpty == true)
        }
    }
}
