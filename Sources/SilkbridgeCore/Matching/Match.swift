import Foundation

/// A suggested partner: an organisation on the other side that answers what you seek and seeks what you offer, or,
/// after every such mutual fit, one that only one of you wants; for an organisation that has published nothing
/// yet, those publishing in its areas.
public struct Match: Sendable, Hashable {
    public let organizationId: UUID
    public let name: LocalizedText
    public let side: Side
    public let country: String
    /// The score in 0…1: for a mutual fit, the harmonic mean of how well each answers the other; for a fit only
    /// one side wants, half that one direction.
    public let score: Double
    /// How well they answer what you seek, and how well you answer what they seek; 0 where nothing does.
    public let theyAnswerYou: Double
    public let youAnswerThem: Double
    /// Their opportunity that answers yours (or, when only you answer them, their request you answer), and yours
    /// that answers theirs (or, when only they answer you, your request they answer). An organisation that has
    /// published nothing is shown what others publish in its areas, and has no opportunity of its own here.
    public let theirOpportunity: UUID
    public let yourOpportunity: UUID?
    /// Why, in both languages, most telling first.
    public let reasons: [Message]

    /// Whether each answers something the other seeks.
    public var isMutual: Bool { theyAnswerYou > 0 && youAnswerThem > 0 }
}
