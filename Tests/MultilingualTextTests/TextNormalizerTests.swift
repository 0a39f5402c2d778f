import MultilingualText
import Testing

@Suite struct TextNormalizerTests {
    let normalizer = TextNormalizer.standard

    @Test(arguments: [
        ("ＨＵＡＷＥＩ　５Ｇ", "huawei 5g"),
        ("Ｅ－Ｃｏｍｍｅｒｃｅ！", "e-commerce!"),
        ("MiXeD CaSe IoT", "mixed case iot"),
        ("Café Münchën Ångström", "cafe munchen angstrom"),
        ("ÉCOLE Œuvre", "ecole œuvre"),
        ("e\u{301}cole", "ecole"),
        ("Straße", "strasse"),
    ])
    func foldsWidthCaseAndLatinDiacritics(input: String, expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test(arguments: [
        ("華為", "华为"),
        ("雲計算", "云计算"),
        ("物聯網與大數據", "物联网与大数据"),
        ("網絡安全", "网络安全"),
        ("中歐數字合作圓桌會議", "中欧数字合作圆桌会议"),
    ])
    func convertsTraditionalToSimplified(traditional: String, simplified: String) {
        #expect(normalizer.normalize(traditional) == simplified)
    }

    @Test(arguments: ["乾", "麼", "覆", "餘", "蘋"])
    func leavesCharactersWithSeveralSimplifiedFormsAlone(character: String) {
        #expect(normalizer.normalize(character) == character)
    }

    @Test func leavesSimplifiedChineseUnchanged() {
        let text = "华为与诺基亚在欧洲合作建设网络、发展智慧能源。"
        #expect(normalizer.normalize(text) == text)
    }

    @Test func foldsCompatibilityIdeographsToTheirSimplifiedForm() {
        #expect(normalizer.normalize("\u{F92D}") == "来")
    }

    @Test func appliesACustomTable() {
        let custom = TextNormalizer(traditionalToSimplified: ["甲": "乙"])
        #expect(custom.normalize("甲華") == "乙華")
    }
}
