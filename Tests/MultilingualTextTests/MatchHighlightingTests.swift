import MultilingualText
import Testing

@Suite struct MatchHighlightingTests {
    let tokenizer = MultilingualTokenizer.standard

    /// The marked passages of `text` for `query`, as written in `text`.
    func marked(_ query: String, in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return tokenizer.matches(of: query, in: text).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    @Test func marksEnglishWordsThroughTheirStems() {
        #expect(marked("partners", in: "We seek a partner for Partnering in 5G.") == ["partner", "Partnering"])
        #expect(marked("the cloud", in: "The Cloud and the edge") == ["Cloud"])
    }

    @Test func marksHyphenatedCompoundsWhole() {
        #expect(marked("ecommerce", in: "Cross-border e-commerce platform") == ["e-commerce"])
    }

    @Test func marksChineseWordsAndTheLongerWordsHoldingThem() {
        #expect(marked("数据中心", in: "希望在欧洲建立数据中心。") == ["数据中心"])
        #expect(marked("能源", in: "中欧智慧能源合作") == ["能源"])
    }

    @Test func marksTextWrittenDifferentlyFromTheQuery() {
        #expect(marked("雲計算", in: "寻求欧洲云计算合作伙伴") == ["云计算"])
        #expect(marked("ＰＡＲＴＮＥＲＳ", in: "A partner in Munich") == ["partner"])
        #expect(marked("partner", in: "Ｐａｒｔｎｅｒ wanted") == ["Ｐａｒｔｎｅｒ"])
        #expect(marked("cafe", in: "Smart cafe\u{301} in Köln") == ["cafe\u{301}"])
        #expect(marked("koln", in: "Smart café in Köln") == ["Köln"])
    }

    @Test func givesScalarOffsetsIntoTheTextAsWritten() {
        #expect(tokenizer.matches(of: "能源", in: "智慧能源 energy") == [2..<4])
        #expect(tokenizer.matches(of: "energy 能源", in: "智慧能源 energy") == [2..<4, 5..<11])
    }

    @Test func marksNothingForQueriesWithoutTerms() {
        #expect(tokenizer.matches(of: "the 的", in: "the text 的") == [])
    }
}
