import Foundation
import MultilingualText
import Testing

@Suite struct ChineseSegmenterTests {
    let segmenter = ChineseSegmenter.shared

    /// Expected routes are jieba 0.42.1's `cut(text, HMM=False)` with the domain word list loaded.
    @Test(arguments: [
        ("华为与诺基亚在欧洲合作建设5G网络", "华为 与 诺基亚 在 欧洲 合作 建设 5G 网络"),
        ("中欧数字合作圆桌会议", "中欧 数字 合作 圆桌会议"),
        ("云计算和物联网推动智慧城市建设", "云计算 和 物联网 推动 智慧城市 建设"),
        ("欧盟与中国加强网络安全合作", "欧盟 与 中国 加强 网络安全 合作"),
        ("跨境电商平台支持数字投资", "跨境电商 平台 支持 数字投资"),
        ("智能电表与储能系统", "智能电表 与 储能 系统"),
        ("我们在德国部署5G专网", "我们 在 德国 部署 5G专网"),
        ("边缘计算与工业互联网", "边缘计算 与 工业互联网"),
        ("大数据中心", "大 数据中心"),
        ("中国科学技术大学", "中国 科学技术 大学"),
        ("乒乓球拍卖完了", "乒乓球 拍卖 完 了"),
    ])
    func segmentsLikeJieba(sentence: String, expected: String) {
        #expect(segmenter.segment(sentence) == expected.split(separator: " ").map(String.init))
    }

    @Test(arguments: ["合作", "华为", "欧洲", "数字", "网络"])
    func keepsTwoCharacterWordsWhole(word: String) {
        #expect(segmenter.contains(word))
        #expect(segmenter.segment(word) == [word])
    }

    @Test(arguments: ["云计算", "物联网", "智慧城市", "大数据", "智慧能源", "区块链", "车联网", "5G专网"])
    func knowsDomainWords(word: String) {
        #expect(segmenter.contains(word))
        #expect(segmenter.segment(word) == [word])
    }

    @Test func loadsTheWholeDictionary() {
        #expect(segmenter.wordCount > 349_000)
        #expect(!segmenter.contains("华为诺"))
    }

    @Test func dropsPunctuationAndMatchesLatinLettersCaselessly() {
        #expect(segmenter.segment("华为，诺基亚。") == ["华为", "诺基亚"])
        #expect(segmenter.segment("5g专网") == ["5g专网"])
        #expect(segmenter.segment("Nokia合作") == ["Nokia", "合作"])
    }

    @Test func fallsBackToSingleCharactersForUnknownRuns() {
        let small = ChineseSegmenter(frequencies: ["中欧": 10, "合作": 10])
        #expect(small.segment("中欧数字合作") == ["中欧", "数", "字", "合作"])
    }

    @Test func prefersTheMoreProbableRoute() {
        let small = ChineseSegmenter(frequencies: ["研究": 100, "研究生": 1, "生命": 100, "命": 1])
        #expect(small.segment("研究生命") == ["研究", "生命"])
    }

    @Test func laterDictionariesOverrideEarlierFrequencies() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "segmenter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appending(path: "base.txt")
        let extra = folder.appending(path: "extra.txt")
        try "智慧 100 n\n城市 100 n\n智慧城市 1 n\n".write(to: base, atomically: true, encoding: .utf8)
        try "# domain\n智慧城市 1000 nz\n".write(to: extra, atomically: true, encoding: .utf8)

        #expect(try ChineseSegmenter(dictionaries: [base]).segment("智慧城市") == ["智慧", "城市"])
        #expect(try ChineseSegmenter(dictionaries: [base, extra]).segment("智慧城市") == ["智慧城市"])
    }

    @Test func rejectsLinesWithoutFrequency() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "malformed-\(UUID().uuidString).txt")
        try "合作 10 v\n华为\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: MultilingualTextError.malformedLine(file: file.lastPathComponent, line: 2)) {
            try ChineseSegmenter(dictionaries: [file])
        }
    }

    @Test func sharesOneInstanceAcrossTasks() async {
        let sentence = "华为与诺基亚在欧洲合作建设5G网络"
        let expected = segmenter.segment(sentence)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { ChineseSegmenter.shared.segment(sentence) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
