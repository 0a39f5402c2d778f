/// One field of a document and how much a match in it counts.
public struct WeightedText: Hashable, Sendable {
    /// The field's text, in any mix of English and Chinese.
    public var text: String
    /// How many times over each token of the field counts towards term frequency and document length.
    public var weight: Double

    /// Creates a field.
    public init(_ text: String, weight: Double = 1) {
        self.text = text
        self.weight = weight
    }

    /// A title, weighted 3.
    public static func title(_ text: String) -> WeightedText { WeightedText(text, weight: 3) }
    /// A summary, weighted 2.
    public static func summary(_ text: String) -> WeightedText { WeightedText(text, weight: 2) }
    /// A body, weighted 1.
    public static func body(_ text: String) -> WeightedText { WeightedText(text, weight: 1) }
}
