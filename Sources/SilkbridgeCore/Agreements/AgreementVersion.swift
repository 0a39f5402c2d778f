import Foundation

/// A file that belongs to an agreement, known by its digest; the file itself stays with the parties.
public struct AgreementAttachment: Sendable, Hashable, Codable {
    public var name: String
    /// SHA-256 of the file, 64 lowercase hex digits.
    public var sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}

/// What the parties agree to: everything a signature binds besides the parties themselves.
public struct AgreementContent: Sendable, Hashable, Codable {
    public var title: LocalizedText
    public var areas: [String]
    public var term: AgreementTerm
    /// Which text prevails when the two languages differ; `nil` when only one is written.
    public var prevailingLanguage: Language?
    /// The text in Markdown, in English and/or Simplified Chinese.
    public var text: LocalizedText
    public var attachments: [AgreementAttachment]

    public init(
        title: LocalizedText, areas: [String], term: AgreementTerm, prevailingLanguage: Language?,
        text: LocalizedText, attachments: [AgreementAttachment]
    ) {
        self.title = title
        self.areas = areas
        self.term = term
        self.prevailingLanguage = prevailingLanguage
        self.text = text
        self.attachments = attachments
    }
}

/// One immutable version of an agreement: its content, the canonical document made of it, and that
/// document's SHA-256, which is what the parties sign.
public struct AgreementVersion: Sendable, Hashable, Codable {
    public let number: Int
    public let content: AgreementContent
    /// The canonical JSON bytes (`AgreementDocument`), kept as written so the digest never depends on how a
    /// later release would encode the same content.
    public let document: Data
    /// SHA-256 of `document`, 64 lowercase hex digits.
    public let digest: String
    public let authorName: String
    public let createdAt: Date

    public init(
        number: Int, content: AgreementContent, document: Data, digest: String, authorName: String, createdAt: Date
    ) {
        self.number = number
        self.content = content
        self.document = document
        self.digest = digest
        self.authorName = authorName
        self.createdAt = createdAt
    }
}
