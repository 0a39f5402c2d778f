import MultilingualText
import Testing

@Suite struct MultilingualTokenizerTests {
    let tokenizer = MultilingualTokenizer.standard

    @Test func splitsMixedScriptsIntoRuns() {
        let tokens = tokenizer.tokens("Huawei 5G基站 in Germany", mode: .query)
        #expect(
            tokens == [
                Token("huawei", script: .latin), Token("5g", script: .latin), Token("基站", script: .han),
                Token("germany", script: .latin),
            ])
    }

    @Test func splitsWordsThatMixScripts() {
        #expect(tokenizer.tokens("部署5G专网", mode: .query).map(\.text) == ["部署", "5g", "专网"])
    }

    @Test func addsBigramsOfLongChineseWordsOnlyWhenIndexing() {
        #expect(tokenizer.tokens("智慧能源", mode: .indexing).map(\.text) == ["智慧能源", "智慧", "慧能", "能源"])
        #expect(tokenizer.tokens("智慧能源", mode: .query).map(\.text) == ["智慧能源"])
        #expect(tokenizer.tokens("合作", mode: .indexing).map(\.text) == ["合作"])
    }

    @Test func normalisesBeforeSplitting() {
        #expect(tokenizer.tokens("華為與諾基亞", mode: .query).map(\.text) == ["华为", "诺基亚"])
        #expect(tokenizer.tokens("ＡＩ與雲計算", mode: .query).map(\.text) == ["ai", "云计算"])
    }

    @Test func dropsChineseFunctionWordsAndPunctuation() {
        #expect(tokenizer.tokens("人工智能和区块链的发展。", mode: .query).map(\.text) == ["人工智能", "区块链", "发展"])
        #expect(tokenizer.tokens("，。！ ... --", mode: .indexing).isEmpty)
    }
}
