import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SilkbridgeCore
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing

@testable import SilkbridgeServer

@Suite(.timeLimit(.minutes(10))) struct MatchAlertTests {
    /// A German start-up seeking smart meters and offering distribution, and a Chinese maker answering both ways.
    static func pair(
        _ client: any TestClientProtocol, maker: String = "Shenzhen Meter", anna: String? = nil
    ) async throws -> (anna: String, isar: String, maker: String) {
        let token: String
        let isar: String
        if let anna {
            token = anna
            isar = ""
        } else {
            token = try await client.signUp()
            isar = try await client.createOrganization(token: token, name: "Isar Grid")
            _ = try await MatchingAPITests.opportunity(
                client, token: token, organization: isar, type: "technology-request",
                title: #"{"en":"Smart meter supplier wanted"}"#, area: "smart-energy", partnership: "supplier")
            _ = try await MatchingAPITests.opportunity(
                client, token: token, organization: isar, type: "business-offer",
                title: #"{"en":"Distribution of energy devices in Germany"}"#, area: "smart-energy",
                partnership: "distribution")
        }
        let li = try await client.signUp()
        let chinese = try await client.createOrganization(
            token: li, name: maker, country: "CN", extra: #","province":"CN-GD""#)
        _ = try await MatchingAPITests.opportunity(
            client, token: li, organization: chinese, type: "technology-offer",
            title: #"{"en":"Smart meters for export","zh-Hans":"出口智能电表"}"#, area: "smart-energy",
            partnership: "supplier")
        _ = try await MatchingAPITests.opportunity(
            client, token: li, organization: chinese, type: "business-request",
            title: #"{"en":"Distributor in Germany wanted"}"#, area: "smart-energy", partnership: "distribution")
        return (token, isar, chinese)
    }

    /// An alert service of its own, as another process would run it, on the same database.
    static func withAlerts<T: Sendable>(
        at location: DatabaseLocation, _ body: (MatchAlertService) async throws -> T
    ) async throws -> T {
        let database = try SilkbridgeDatabase(location: location, logger: Logger(label: "test"))
        let catalog = try ReferenceDataLoader.load()
        let matching = MatchingService(
            source: database.searchSource, interests: database.interests, catalog: catalog,
            extractor: MultilingualTermExtractor())
        let service = MatchAlertService(
            repository: database.matchAlerts, matching: matching,
            directory: DirectoryService(
                repository: database.directory, catalog: catalog, links: MailLinks(publicURL: "http://127.0.0.1")))
        do {
            let result = try await body(service)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }

    @Test(arguments: TestDatabase.available)
    func membersAreToldOnceOfEachNewPartner(database: TestDatabase) async throws {
        let location = database.freshLocation()
        try await withApp(at: location) { client in
            let first = try await Self.pair(client)
            let path = "/api/v1/organizations/\(first.isar)/match-alert"
            let stranger = try await client.signUp()
            #expect(try await client.api(.put, path, token: stranger, json: "{}").status == .forbidden)
            #expect(try await client.api(.get, path).status == .unauthorized)
            let wrong = try await client.api(.put, path, token: first.anna, json: #"{"minimumScore":2}"#)
            #expect(wrong.status == .badRequest)

            let on = try await client.api(.put, path, token: first.anna, json: #"{"minimumScore":0.3}"#)
            #expect(on.status == .ok, "\(on.text)")
            #expect(try on.json()["enabled"] as? Bool == true)
            #expect(try await client.api(.get, path, token: first.anna).json()["minimumScore"] as? Double == 0.3)

            // The maker was suggested when the alert was switched on: not news. A second maker is.
            let second = try await Self.pair(client, maker: "Ningbo Meter", anna: first.anna)
            let sent = try await Self.withAlerts(at: location) { one in
                try await Self.withAlerts(at: location) { other in
                    async let fromOne = one.sendAlerts()
                    async let fromOther = other.sendAlerts()
                    return try await fromOne + fromOther
                }
            }
            #expect(sent == 1)
            let inbox = try await client.api(.get, "/api/v1/inbox", token: first.anna).json()
            let notices = (inbox["items"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "match.found" }
            #expect(notices.map { $0["actorName"] as? String } == ["Ningbo Meter"])
            #expect(try await Self.withAlerts(at: location) { try await $0.sendAlerts() } == 0)
            _ = second

            #expect(try await client.api(.delete, path, token: first.anna).status == .noContent)
            #expect(try await client.api(.get, path, token: first.anna).json()["enabled"] as? Bool == false)
        }
    }

    @Test func theExposureReportCountsTheListsServed() async throws {
        try await withApp { client in
            let pair = try await Self.pair(client)
            _ = try await MatchingAPITests.matches(client, "/api/v1/organizations/\(pair.isar)/matches")
            _ = try await MatchingAPITests.matches(client, "/api/v1/organizations/\(pair.isar)/matches")
            _ = try await MatchingAPITests.matches(client, "/api/v1/organizations/\(pair.maker)/matches")
            let report = try await client.api(.get, "/api/v1/matching/exposure").json()
            #expect(report["lists"] as? Int == 2)
            #expect(report["shown"] as? Int == 2)
            #expect(report["highest"] as? Int == 1)
            #expect(report["organizations"] as? Int == 2)
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func theSuggestedPartnersPageSwitchesAlertsOnAndOff(language: String) async throws {
        try await withApp { client in
            let anna = try await client.signUp("anna-alerts@example.eu")
            let isar = try await client.createOrganization(token: anna, name: "Isar Grid")
            var browser = BrowserSession(client, language: language)
            _ = try await browser.post(
                "/login", [("email", "anna-alerts@example.eu"), ("password", "correct horse battery")])
            let page = "/organizations/\(isar)/matches"
            #expect(try await browser.get(page).text.contains(language == "en" ? "Start alerts" : "开启提醒"))
            let bad = try await browser.post(page + "/alert", [("minimumScore", "many")])
            #expect(bad.status == .badRequest)
            #expect(try await browser.post(page + "/alert", [("minimumScore", "55")]).status == .seeOther)
            let on = try await browser.get(page).text
            #expect(on.contains(language == "en" ? "Alerts are on" : "提醒已开启"))
            #expect(on.contains("55."))
            #expect(try await browser.post(page + "/alert/delete", []).status == .seeOther)
            #expect(try await browser.get(page).text.contains(language == "en" ? "Start alerts" : "开启提醒"))
            var visitor = BrowserSession(client, language: language)
            #expect(!(try await visitor.get(page).text.contains(language == "en" ? "Start alerts" : "开启提醒")))
        }
    }
}
