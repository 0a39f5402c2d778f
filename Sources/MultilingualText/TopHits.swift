/// Keeps the best `capacity` candidates seen, in a min-heap whose root is the worst one kept.
///
/// A query term such as 合作 can match most of a large index; a bounded heap keeps ranking at O(n log k)
/// instead of sorting every match.
struct TopHits {
    struct Candidate {
        let slot: Int32
        let matched: Int
        let score: Float

        /// Ranks by matched term count, then score, then slot, so that equal scores come back in a stable order.
        func ranksAbove(_ other: Candidate) -> Bool {
            if matched != other.matched { return matched > other.matched }
            if score != other.score { return score > other.score }
            return slot < other.slot
        }
    }

    private let capacity: Int
    private var heap: [Candidate] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    mutating func offer(_ candidate: Candidate) {
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if let worst = heap.first, candidate.ranksAbove(worst) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept candidates, best first.
    func ranked() -> [Candidate] {
        heap.sorted { $0.ranksAbove($1) }
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].ranksAbove(heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            var worst = parent
            let left = 2 * parent + 1
            let right = left + 1
            if left < heap.count && heap[worst].ranksAbove(heap[left]) { worst = left }
            if right < heap.count && heap[worst].ranksAbove(heap[right]) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
