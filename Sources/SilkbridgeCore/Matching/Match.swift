import Foundation

/// A suggested partner: an organisation on the other side that answers what you seek and seeks what you offer.
public struct Match: Sendable, Hashable {
    public let organizationId: UUID
    public let name: LocalizedText
    public let side: Side
    public let country: String
    /// The reciprocal score in 0…1: the harmonic mean of how well each answers the other.
    public let score: Double
    /// How well they answer what you seek, and how well you answer what they seek.
    public let theyAnswerYou: Double
    public let youAnswerThem: Double
    /// Their opportunity that answers yours, and yours that answers theirs.
    public let theirOffer: UUID
    public let yourOffer: UUID
    /// Why, in both languages, most telling first.
    public let reasons: [Message]
}
