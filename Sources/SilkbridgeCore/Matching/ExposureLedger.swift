import Foundation

/// How often each organisation is shown across everyone's suggestion lists, and the cap that keeps a few
/// popular organisations from filling every list: none may appear in more than `maxShare` of the lists served
/// (each requester's latest list counts once), or `floor` lists while there are few.
struct ExposureLedger: Sendable {
    let maxShare: Double
    let floor: Int
    private var lists: [UUID: [UUID]] = [:]
    private var appearances: [UUID: Int] = [:]

    init(maxShare: Double, floor: Int) {
        self.maxShare = maxShare
        self.floor = floor
    }

    /// The most lists one organisation may be in, counting the list about to be served.
    var cap: Int { max(floor, Int((maxShare * Double(lists.count + 1)).rounded(.down))) }

    /// Whether the candidate may still be shown to this requester; a requester's own previous list is being
    /// replaced, so it does not count against the candidates in it.
    func allows(_ candidate: UUID, for requester: UUID) -> Bool {
        let previous = lists[requester]?.contains(candidate) == true ? 1 : 0
        return (appearances[candidate] ?? 0) - previous < cap
    }

    mutating func record(_ shown: [UUID], for requester: UUID) {
        for id in lists[requester] ?? [] { appearances[id, default: 1] -= 1 }
        lists[requester] = shown
        for id in shown { appearances[id, default: 0] += 1 }
    }

    func report(organizations: Int) -> ExposureReport {
        let counts = appearances.values.filter { $0 > 0 }
        return ExposureReport(
            lists: lists.count, organizations: organizations, shown: counts.count, cap: cap, maxShare: maxShare,
            highest: counts.max() ?? 0,
            gini: ExposureReport.gini(counts + Array(repeating: 0, count: max(0, organizations - counts.count))),
            histogram: ExposureReport.histogram(counts))
    }
}

/// How evenly suggestions are spread over the directory.
public struct ExposureReport: Sendable, Hashable {
    /// Lists served (one per requester) and organisations that could be shown.
    public let lists: Int
    public let organizations: Int
    /// Organisations shown in at least one list.
    public let shown: Int
    /// The most lists one organisation may be in now, and the share it stands for.
    public let cap: Int
    public let maxShare: Double
    /// The most lists any organisation is in.
    public let highest: Int
    /// Concentration of appearances over all organisations: 0 when everyone appears equally, near 1 when one
    /// organisation takes every place.
    public let gini: Double
    /// How many organisations appear in 1, 2–4, 5–9, 10–49 and 50 or more lists.
    public let histogram: [ExposureBucket]

    /// The Gini coefficient of non-negative counts.
    public static func gini(_ counts: [Int]) -> Double {
        let sorted = counts.sorted()
        let total = sorted.reduce(0, +)
        guard total > 0, sorted.count > 1 else { return 0 }
        var weighted = 0.0
        for (rank, value) in sorted.enumerated() {
            weighted += Double(2 * (rank + 1) - sorted.count - 1) * Double(value)
        }
        return weighted / (Double(sorted.count) * Double(total))
    }

    static func histogram(_ counts: [Int]) -> [ExposureBucket] {
        let buckets: [(String, ClosedRange<Int>)] = [
            ("1", 1...1), ("2-4", 2...4), ("5-9", 5...9), ("10-49", 10...49), ("50+", 50...Int.max),
        ]
        return buckets.map { label, range in
            ExposureBucket(appearances: label, organizations: counts.filter(range.contains).count)
        }
    }
}

/// How many organisations appear in a range of lists.
public struct ExposureBucket: Sendable, Hashable {
    /// The range, as "1", "2-4" or "50+".
    public let appearances: String
    public let organizations: Int
}
