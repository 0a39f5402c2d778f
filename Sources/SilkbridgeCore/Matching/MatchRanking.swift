/// How candidates are ordered. The product ranks reciprocally; the other two are the baselines the evaluation
/// benchmark compares it with, run on the same profiles and candidates.
public enum MatchRanking: String, Sendable, CaseIterable {
    /// Each answers the other: the harmonic mean of both directions.
    case reciprocal
    /// Only how well they answer what you seek, whether or not they want anything of yours.
    case oneSided
    /// Only how alike the two organisations' words are, among those sharing an area.
    case text
}
