import Foundation
import SilkbridgeCore

/// How good a set of top-10 lists is against the planted partners, and how evenly they spread.
struct ListQuality {
    var recall = 0.0
    var ndcg = 0.0
    var oneSidedShare = 0.0
    var gini = 0.0
    var hubShare = 0.0
    var shown = 0
    var averageLength = 0.0

    /// `lists` maps each evaluated organisation to its list, best first.
    init(lists: [UUID: [UUID]], directory: SyntheticDirectory) {
        var found = 0.0
        var gain = 0.0
        var entries = 0
        var oneSided = 0
        var hubSlots = 0
        var appearances: [UUID: Int] = [:]
        for (seeker, list) in lists {
            if let partner = directory.planted[seeker], let rank = list.firstIndex(of: partner) {
                found += 1
                // One relevant partner per list, so the ideal DCG is 1.
                gain += 1 / log2(Double(rank) + 2)
            }
            for partner in list {
                entries += 1
                if directory.isOneSided(partner, for: seeker) { oneSided += 1 }
                if directory.hubs.contains(partner) { hubSlots += 1 }
                appearances[partner, default: 0] += 1
            }
        }
        let count = Double(max(lists.count, 1))
        recall = found / count
        ndcg = gain / count
        oneSidedShare = entries == 0 ? 0 : Double(oneSided) / Double(entries)
        averageLength = Double(entries) / count
        hubShare = entries == 0 ? 0 : Double(hubSlots) / Double(entries)
        shown = appearances.count
        let counts = directory.organizations.map { appearances[$0.id] ?? 0 }
        gini = ExposureReport.gini(counts)
    }
}
