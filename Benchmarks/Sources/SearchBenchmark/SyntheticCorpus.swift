import SilkbridgeCore

/// Deterministic bilingual documents about China–EU digital cooperation, for timing the index.
struct SyntheticCorpus {
    static let chineseWords = [
        "合作", "发展", "建设", "项目", "企业", "政府", "欧洲", "中国", "德国", "法国", "意大利", "荷兰", "西班牙", "波兰",
        "投资", "技术", "创新", "市场", "平台", "服务", "数字", "网络", "能源", "城市", "会议", "论坛", "签署", "协议",
        "推动", "加强", "支持", "领域", "标准", "安全", "数据", "研究", "中心", "伙伴", "双方", "未来", "共同", "绿色",
        "经济", "华为", "诺基亚", "爱立信", "西门子", "基站", "运营商", "制造", "工厂", "港口", "物流", "银行", "大学",
        "云计算", "物联网", "大数据", "智慧城市", "智慧能源", "跨境电商", "数字投资", "网络安全", "5G专网", "智能电表",
        "储能", "车联网", "工业互联网", "边缘计算", "人工智能", "区块链", "数据中心", "初创企业", "电动汽车", "充电桩",
        "光伏", "风电", "数字经济", "数字化转型", "科技园", "孵化器", "智能电网", "电子商务", "移动支付", "隐私保护",
    ]

    static let englishWords = [
        "cooperation", "development", "project", "company", "government", "Europe", "China", "Germany", "France",
        "Italy", "Netherlands", "Spain", "Poland", "investment", "technology", "innovation", "market", "platform",
        "services", "digital", "network", "energy", "city", "conference", "forum", "signed", "agreement",
        "partners", "standards", "security", "data", "research", "centre", "future", "green", "economy", "Huawei",
        "Nokia", "Ericsson", "Siemens", "operators", "manufacturing", "factory", "port", "logistics", "bank",
        "university", "cloud", "computing", "IoT", "5G", "smart", "grid", "e-commerce", "startups", "high-tech",
        "cybersecurity", "blockchain", "AI", "storage", "batteries", "charging", "electric", "vehicles", "solar",
        "wind", "meters", "cross-border", "payments", "privacy", "edge", "industrial", "internet", "building",
        "deploying", "connecting", "launched", "expanding", "regional", "European", "Chinese", "joint", "pilot",
    ]

    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    static let countries = ["CN", "DE", "FR", "IT", "NL", "ES", "PL", "HU"]
    static let sectors = ["5G", "energy", "mobility", "finance", "manufacturing", "logistics"]

    /// The next opportunity: a title, a summary and a body, each in both languages, and its two facets.
    mutating func nextDocument(id: Int) -> Opportunity {
        let title = chinese(words: 3...5) + " " + english(words: 3...6)
        let summary = chinese(words: 8...14) + "。" + english(words: 10...16) + "."
        let body = (0..<2).map { _ in chinese(words: 10...18) + "。" + english(words: 12...20) + ". " }.joined()
        let country = Self.countries[Int(next() % UInt64(Self.countries.count))]
        let sector = Self.sectors[Int(next() % UInt64(Self.sectors.count))]
        return Opportunity(id: id, title: title, summary: summary, body: body, country: country, sector: sector)
    }

    /// A word from the vocabulary, drawn with the same skew as the documents' words.
    mutating func chineseWord() -> String { pick(Self.chineseWords) }

    /// An English word from the vocabulary, drawn with the same skew as the documents' words.
    mutating func englishWord() -> String { pick(Self.englishWords) }

    /// A draw below `bound`, for choosing facets and planted documents.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    private mutating func chinese(words: ClosedRange<Int>) -> String {
        (0..<count(in: words)).map { _ in pick(Self.chineseWords) }.joined()
    }

    private mutating func english(words: ClosedRange<Int>) -> String {
        (0..<count(in: words)).map { _ in pick(Self.englishWords) }.joined(separator: " ")
    }

    private mutating func count(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// Squaring a uniform draw makes early words more frequent, roughly like real vocabulary.
    private mutating func pick(_ words: [String]) -> String {
        let uniform = Double(next() >> 11) / Double(1 << 53)
        return words[Int(uniform * uniform * Double(words.count))]
    }

    private mutating func next() -> UInt64 { random.next() }
}
