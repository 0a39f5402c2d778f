/// The free parameters of Okapi BM25 ranking.
public struct BM25Parameters: Hashable, Sendable {
    /// How quickly repeated occurrences of a term stop adding to the score.
    public var k1: Double
    /// How strongly a long document's score is scaled down (0: not at all, 1: fully).
    public var b: Double

    /// Creates parameters; the defaults are the customary ones.
    public init(k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
    }
}
