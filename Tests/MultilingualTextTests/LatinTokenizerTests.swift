import MultilingualText
import Testing

@Suite struct LatinTokenizerTests {
    let tokenizer = LatinTokenizer()

    @Test func splitsDropsStopWordsAndStems() {
        #expect(
            tokenizer.tokens("Huawei and Nokia are building 5G networks in Europe.")
                == ["huawei", "nokia", "build", "5g", "network", "europ"])
    }

    @Test func keepsLettersAndDigitsTogether() {
        #expect(tokenizer.tokens("IoT, 5G/6G & AI in 2030") == ["iot", "5g", "6g", "ai", "2030"])
    }

    @Test func indexesHyphenatedPartsAndTheJoinedWord() {
        #expect(tokenizer.tokens("e-commerce", mode: .indexing) == ["e", "commerc", "ecommerc"])
        #expect(tokenizer.tokens("e-commerce", mode: .query) == ["ecommerc"])
        #expect(tokenizer.tokens("ecommerce", mode: .query) == ["ecommerc"])
    }

    @Test func joinsAcrossApostrophes() {
        #expect(tokenizer.tokens("China’s partners' O'Neill") == ["china", "partner", "oneill"])
    }

    @Test func dropsOnlyStopWords() {
        #expect(tokenizer.tokens("The of and it was with").isEmpty)
        #expect(tokenizer.tokens("US data") == ["us", "data"])
    }

    @Test(arguments: [
        ("partners", "partner"), ("computing", "compute"), ("computed", "computes"), ("services", "service"),
        ("cities", "city"), ("technologies", "technology"), ("planned", "plan"), ("planning", "plans"),
        ("investing", "invested"), ("networks", "network"), ("charging", "charge"), ("boxes", "box"),
        ("addresses", "address"), ("studied", "studies"), ("switches", "switch"), ("databases", "database"),
        ("installed", "installs"), ("processing", "process"), ("cooperating", "cooperate"),
    ])
    func stemsInflectionsAlike(word: String, relative: String) {
        let stemmer = EnglishStemmer()
        #expect(stemmer.stem(word) == stemmer.stem(relative))
    }

    @Test(arguments: [
        ("services", "servic"), ("computing", "comput"), ("partners", "partner"), ("cities", "city"),
        ("embedded", "embed"), ("business", "business"), ("status", "status"), ("analysis", "analysis"),
        ("need", "need"), ("speeding", "speed"), ("thing", "thing"), ("gas", "gas"), ("5g", "5g"),
        ("iot", "iot"), ("Networks", "Networks"),
    ])
    func stemsConservatively(word: String, stem: String) {
        #expect(EnglishStemmer().stem(word) == stem)
    }
}
