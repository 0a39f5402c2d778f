import Foundation
import Hummingbird
import HummingbirdTesting
import SilkbridgeTestSupport
import Testing

@Suite(.timeLimit(.minutes(10))) struct SearchHighlightTests {
    /// The first hit's snippet in `language` and its marked passages, as the API returns them.
    static func marked(
        _ client: any TestClientProtocol, query: String, language: String
    ) async throws -> (snippet: String, marks: [String]) {
        let response = try await client.api(.get, "/api/v1/search?q=\(SearchAPITests.encoded(query))")
        #expect(response.status == .ok, "\(response.text)")
        let hit = try #require((try response.json()["items"] as? [[String: Any]])?.first)
        let snippet = try #require((hit["snippet"] as? [String: String])?[language])
        let ranges = try #require((hit["highlights"] as? [String: [[String: Int]]])?[language])
        // Offsets count Unicode code points.
        let scalars = Array(snippet.unicodeScalars)
        let marks = ranges.map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range["start"]!..<(range["start"]! + range["length"]!)])
            return String(view)
        }
        return (snippet, marks)
    }

    @Test(arguments: TestDatabase.available)
    func marksStemmedEnglishAndSegmentedChinese(database: TestDatabase) async throws {
        try await withApp(database) { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            _ = try await SearchAPITests.publish(
                client, token: owner, organization: organization, title: #"{"en":"Grid storage","zh-Hans":"电网储能"}"#,
                summary: #"{"en":"Ｗe seek a partner for grid storage in Europe.","zh-Hans":"希望在欧洲寻找云计算合作伙伴。"}"#,
                areas: #""smart-energy""#)

            let english = try await Self.marked(client, query: "partners", language: "en")
            #expect(english.marks == ["partner"])
            #expect(english.snippet == "Ｗe seek a partner for grid storage in Europe.")
            #expect(try await Self.marked(client, query: "ＰＡＲＴＮＥＲ", language: "en").marks == ["partner"])
            #expect(try await Self.marked(client, query: "雲計算", language: "zh-Hans").marks == ["云计算"])
            #expect(try await Self.marked(client, query: "合作", language: "zh-Hans").marks == ["合作"])
            // A query in one language marks nothing in the other language's snippet.
            #expect(try await Self.marked(client, query: "合作", language: "en").marks == [])
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func searchPageMarksMatchesAndEscapesText(language: String) async throws {
        try await withApp { client in
            let owner = try await client.signUp()
            let organization = try await client.createOrganization(token: owner)
            _ = try await SearchAPITests.publish(
                client, token: owner, organization: organization, title: #"{"en":"Meters","zh-Hans":"电表"}"#,
                summary: #"{"en":"<b>Smart</b> meters & partners","zh-Hans":"<i>智能</i>电表合作伙伴"}"#,
                areas: #""smart-energy""#)
            var browser = BrowserSession(client, language: language)
            let english = try await browser.get("/opportunities?q=partner")
            #expect(english.status == .ok)
            if language == "en" {
                #expect(english.text.contains("&lt;b&gt;Smart&lt;/b&gt; meters &amp; <mark>partners</mark>"))
            }
            let chinese = try await browser.get("/opportunities?q=\(SearchAPITests.encoded("伙伴"))")
            if language == "zh-Hans" {
                #expect(chinese.text.contains("&lt;i&gt;智能&lt;/i&gt;电表合作<mark>伙伴</mark>"))
            }
            #expect(!english.text.contains("<b>Smart") && !chinese.text.contains("<i>智能"))
        }
    }
}
