/// jieba's prefix dictionary as a trie: every prefix of every word is a node, and a node that ends a word
/// carries a weight.
///
/// Edges live in one open-addressing hash table keyed by (parent node, scalar), which loads hundreds of
/// thousands of words with a few large allocations instead of one object per node.
struct PrefixTrie: Sendable {
    typealias Node = UInt32

    static let root: Node = 0
    /// The weight of a node that is only a prefix.
    static let noWord = -Float.infinity

    private var keys: [UInt64]
    private var targets: [Node]
    private var shift: UInt64
    private(set) var weights: [Float] = [noWord]
    private(set) var wordCount = 0

    /// Creates an empty trie sized for about `expectedNodes` nodes.
    init(expectedNodes: Int) {
        var bits: UInt64 = 10
        while (1 << bits) < expectedNodes * 2 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        targets = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
        weights.reserveCapacity(expectedNodes)
    }

    /// The child of `node` along `scalar`, if any word continues that way.
    @inline(__always)
    func child(of node: Node, _ scalar: UInt32) -> Node? {
        let key = Self.key(node, scalar)
        let mask = keys.count - 1
        var slot = slot(of: key)
        while true {
            let stored = keys[slot]
            if stored == key { return targets[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the word spelled by `scalars`, or replaces its weight when it is already there.
    mutating func insert(_ scalars: some Sequence<UInt32>, weight: Float) {
        var node = Self.root
        for scalar in scalars {
            node = childOrInsert(of: node, scalar)
        }
        if weights[Int(node)] == Self.noWord { wordCount += 1 }
        weights[Int(node)] = weight
    }

    /// Replaces every word's weight by `transform` of it.
    mutating func transformWeights(_ transform: (Float) -> Float) {
        for index in weights.indices where weights[index] != Self.noWord {
            weights[index] = transform(weights[index])
        }
    }

    private mutating func childOrInsert(of node: Node, _ scalar: UInt32) -> Node {
        if weights.count * 10 >= keys.count * 6 { grow() }
        let key = Self.key(node, scalar)
        let mask = keys.count - 1
        var slot = slot(of: key)
        while keys[slot] != 0 {
            if keys[slot] == key { return targets[slot] }
            slot = (slot + 1) & mask
        }
        let created = Node(weights.count)
        keys[slot] = key
        targets[slot] = created
        weights.append(Self.noWord)
        return created
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldTargets = targets
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        targets = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, target) in zip(oldKeys, oldTargets) where key != 0 {
            var slot = slot(of: key)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            targets[slot] = target
        }
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Scalars take 21 bits; adding one keeps every key non-zero, so zero can mark an empty slot.
    @inline(__always)
    private static func key(_ node: Node, _ scalar: UInt32) -> UInt64 {
        UInt64(node) << 21 | UInt64(scalar + 1)
    }
}
