import Foundation

/// What a person submits to draft an agreement; `nil` fields keep the previous version's value.
public struct AgreementContentInput: Sendable, Hashable {
    public var title: LocalizedText?
    public var areas: [String]?
    public var termStart: Date?
    public var termMonths: Int?
    public var prevailingLanguage: Language?
    public var text: LocalizedText?
    public var attachments: [AgreementAttachment]?

    public init(
        title: LocalizedText? = nil, areas: [String]? = nil, termStart: Date? = nil, termMonths: Int? = nil,
        prevailingLanguage: Language? = nil, text: LocalizedText? = nil, attachments: [AgreementAttachment]? = nil
    ) {
        self.title = title
        self.areas = areas
        self.termStart = termStart
        self.termMonths = termMonths
        self.prevailingLanguage = prevailingLanguage
        self.text = text
        self.attachments = attachments
    }
}

/// A new agreement: who drafts it, who else is party to it, and its first version.
public struct NewAgreement: Sendable, Hashable {
    public var kind: AgreementKind
    /// The drafting organisation, which is a party.
    public var organizationId: UUID
    /// The other parties.
    public var partyIds: [UUID]
    public var visibility: AgreementVisibility
    public var interestId: UUID?
    public var content: AgreementContentInput

    public init(
        kind: AgreementKind, organizationId: UUID, partyIds: [UUID], visibility: AgreementVisibility,
        interestId: UUID? = nil, content: AgreementContentInput
    ) {
        self.kind = kind
        self.organizationId = organizationId
        self.partyIds = partyIds
        self.visibility = visibility
        self.interestId = interestId
        self.content = content
    }
}

/// A party's signature as submitted.
public struct SignatureInput: Sendable, Hashable {
    public var organizationId: UUID
    public var keyId: UUID
    public var version: Int
    /// Base64 of the 64-byte signature.
    public var signature: String

    public init(organizationId: UUID, keyId: UUID, version: Int, signature: String) {
        self.organizationId = organizationId
        self.keyId = keyId
        self.version = version
        self.signature = signature
    }
}
