import Foundation
import MultilingualText
import Testing

@Suite struct SearchIndexTests {
    @Test func scoresWithBM25() {
        var index = SearchIndex<String>()
        index.upsert("a", fields: [.body("alpha beta")])
        index.upsert("b", fields: [.body("gamma")])
        // N = 2, df = 1, tf = 1, |d| = 2, avgdl = 1.5: idf · tf(k1 + 1) / (tf + k1(1 − b + b|d|/avgdl)).
        let expected = log(2.0) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 1.5))
        let hits = index.search("alpha")
        #expect(hits.map(\.id) == ["a"])
        #expect(abs(hits[0].score - expected) < 1e-5)
    }

    @Test(arguments: [("cloud computing", "Cloud computing"), ("云计算", "云计算")])
    func ranksTitleMatchesAboveBodyMatches(query: String, phrase: String) {
        var index = SearchIndex<Int>()
        index.upsert(1, fields: [.title("Annual report"), .body("A note on \(phrase) in Europe")])
        index.upsert(2, fields: [.title("\(phrase) in Europe"), .body("A note on the annual report")])
        index.upsert(3, fields: [.title("Trade fair"), .body("Logistics and ports")])
        #expect(index.search(query).map(\.id) == [2, 1])
    }

    @Test func findsEachLanguageWithItsOwnQuery() {
        var index = SearchIndex<String>()
        index.upsert("zh", fields: [.title("智慧城市建设"), .body("中欧在智慧城市和智慧能源领域开展合作")])
        index.upsert("en", fields: [.title("Smart cities"), .body("Europe and China cooperate on smart energy")])
        index.upsert("both", fields: [.title("Smart cities 智慧城市"), .body("Cooperation 合作")])

        #expect(Set(index.search("智慧城市").map(\.id)) == ["zh", "both"])
        #expect(Set(index.search("smart city").map(\.id)) == ["en", "both"])
        #expect(index.search("能源").map(\.id) == ["zh"])
        #expect(index.search("智慧城市").allSatisfy { $0.matchesAllTerms })
    }

    @Test func matchesTraditionalQueriesAndFullWidthText() {
        var index = SearchIndex<Int>()
        index.upsert(1, fields: [.title("华为云计算"), .body("ＨＵＡＷＥＩ Cloud")])
        #expect(index.search("雲計算").map(\.id) == [1])
        #expect(index.search("huawei").map(\.id) == [1])
    }

    @Test func findsLongWordsTheSegmenterCutDifferently() {
        var index = SearchIndex<Int>()
        index.upsert(1, fields: [.body("欧洲能源互联网络")])
        // 能源互联网 is a domain word; here the text was cut 能源 / 互联网络, so the query falls back to bigrams.
        let hits = index.search("能源互联网")
        #expect(hits.map(\.id) == [1])
        #expect(hits.first?.matchesAllTerms == true)
    }

    @Test func ranksDocumentsWithAllTermsFirst() {
        var index = SearchIndex<String>()
        index.upsert("partial", fields: [.title("Huawei"), .body("Huawei Huawei")])
        index.upsert(
            "full", fields: [.body("A long report that mentions Huawei once and Germany once, among other things")])
        for filler in 0..<5 { index.upsert("filler\(filler)", fields: [.body("Germany \(filler)")]) }
        let hits = index.search("Huawei Germany")
        #expect(hits.prefix(2).map(\.id) == ["full", "partial"])
        #expect(hits.map(\.matchesAllTerms) == [true] + Array(repeating: false, count: 6))
        #expect(hits.prefix(2).map(\.matchedTermCount) == [2, 1])
        // The partial match scores higher on its own, yet ranks second.
        #expect(hits[1].score > hits[0].score)
    }

    @Test func removesDocuments() {
        var index = SearchIndex<Int>()
        index.upsert(1, fields: [.title("5G专网"), .body("private 5G network")])
        index.upsert(2, fields: [.title("储能"), .body("energy storage")])
        let removed = index.remove(1)
        let removedAgain = index.remove(1)
        #expect(removed)
        #expect(!removedAgain)
        #expect(index.count == 1)
        #expect(!index.contains(1))
        #expect(index.search("5G专网").isEmpty)
        #expect(index.search("storage").map(\.id) == [2])
    }

    @Test func updatesDocumentsInPlace() {
        var index = SearchIndex<Int>()
        index.upsert(1, fields: [.title("物联网"), .body("Internet of Things")])
        index.upsert(1, fields: [.title("区块链"), .body("Blockchain")])
        #expect(index.count == 1)
        #expect(index.search("物联网").isEmpty)
        #expect(index.search("things").isEmpty)
        #expect(index.search("区块链").map(\.id) == [1])
        #expect(index.search("blockchain").map(\.id) == [1])
    }

    @Test func staysCorrectAcrossManyUpdates() {
        var index = SearchIndex<Int>()
        for round in 0..<3 {
            for id in 0..<200 {
                index.upsert(id, fields: [.title("round\(round) 文档\(id % 7)"), .body("cooperation \(id)")])
            }
        }
        for id in stride(from: 0, to: 200, by: 2) { index.remove(id) }
        #expect(index.count == 100)
        #expect(index.search("round0").isEmpty)
        #expect(index.search("round1").isEmpty)
        #expect(index.search("round2", limit: 500).count == 100)
        #expect(index.search("cooperation", limit: 500).allSatisfy { $0.id % 2 == 1 })
        #expect(index.search("41").map(\.id) == [41])
        #expect(index.search("40").isEmpty)
    }

    @Test func honoursTheLimitAndIgnoresEmptyQueries() {
        var index = SearchIndex<Int>()
        for id in 0..<50 { index.upsert(id, fields: [.body("digital cooperation number \(id)")]) }
        #expect(index.search("digital", limit: 5).count == 5)
        #expect(index.search("the of and").isEmpty)
        #expect(index.search("，。").isEmpty)
        #expect(index.search("digital", limit: 0).isEmpty)
    }
}
