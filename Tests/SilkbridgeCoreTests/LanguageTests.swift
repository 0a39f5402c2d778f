import Testing

@testable import SilkbridgeCore

@Suite struct LanguageTests {
    @Test(arguments: [
        ("zh-CN,zh;q=0.9,en;q=0.8", Language.simplifiedChinese),
        ("en-GB,en;q=0.9", .english),
        ("fr-FR, zh-Hans;q=0.5, en;q=0.4", .simplifiedChinese),
        ("de, en;q=0.1", .english),
        ("zh-Hans-CN", .simplifiedChinese),
    ])
    func picksTheHighestRankedSupportedLanguage(header: String, expected: Language) {
        #expect(Language.preferred(fromAcceptLanguage: header) == expected)
    }

    @Test(arguments: ["fr, de", "", "zh;q=0"])
    func reportsNoLanguageWhenNoneIsSupported(header: String) {
        #expect(Language.preferred(fromAcceptLanguage: header) == nil)
    }

    @Test func localizedTextFallsBackToTheOtherLanguage() {
        let onlyChinese = LocalizedText(chinese: "华为")
        #expect(onlyChinese.best(for: .english) == "华为")
        #expect(LocalizedText(english: "Huawei", chinese: "华为").best(for: .english) == "Huawei")
        #expect(LocalizedText(english: "  ", chinese: nil).trimmed.isEmpty)
    }
}
