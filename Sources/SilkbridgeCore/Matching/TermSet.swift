/// A text's words as sorted small integers: comparing two texts is then a merge of two short arrays instead of
/// hashing strings, which is what keeps scoring thousands of candidates per request cheap.
struct TermSet: Sendable, Hashable {
    let ids: [Int32]

    init<S: Sequence>(_ ids: S) where S.Element == Int32 {
        self.ids = Array(Set(ids)).sorted()
    }

    var isEmpty: Bool { ids.isEmpty }

    /// Shared terms over all terms, 0 when both are empty.
    func jaccard(_ other: TermSet) -> Double {
        guard !ids.isEmpty || !other.ids.isEmpty else { return 0 }
        var shared = 0
        var left = 0
        var right = 0
        while left < ids.count, right < other.ids.count {
            if ids[left] == other.ids[right] {
                shared += 1
                left += 1
                right += 1
            } else if ids[left] < other.ids[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return Double(shared) / Double(ids.count + other.ids.count - shared)
    }

    func union(_ other: TermSet) -> TermSet { TermSet(ids + other.ids) }
}

/// Gives each distinct term a number, once, for the life of the matching service.
struct TermDictionary: Sendable {
    private var numbers: [String: Int32] = [:]

    mutating func set(of terms: Set<String>) -> TermSet {
        TermSet(
            terms.map { term in
                if let number = numbers[term] { return number }
                let number = Int32(numbers.count)
                numbers[term] = number
                return number
            })
    }
}
