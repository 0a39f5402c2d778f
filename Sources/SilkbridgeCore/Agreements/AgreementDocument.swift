import Foundation

/// The canonical form of one agreement version, the bytes whose SHA-256 the parties sign: JSON with sorted
/// keys and no insignificant whitespace, naming the agreement, the version and the parties, so that a
/// signature can be neither moved to another agreement or version nor read as binding other parties.
public struct AgreementDocument: Codable, Sendable, Hashable {
    public static let type = "silkbridge.agreement"
    public static let currentVersion = 1

    public struct Party: Codable, Sendable, Hashable {
        public let id: String
        public let name: LocalizedText
        public let side: Side
    }

    public let type: String
    public let v: Int
    public let agreementId: String
    public let version: Int
    public let kind: AgreementKind
    public let parties: [Party]
    public let title: LocalizedText
    public let areas: [String]
    public let termStart: String
    public let termMonths: Int
    public let prevailingLanguage: Language?
    public let text: LocalizedText
    public let attachments: [AgreementAttachment]

    public init(
        agreementId: UUID, version: Int, kind: AgreementKind, parties: [AgreementParty], content: AgreementContent
    ) {
        type = Self.type
        v = Self.currentVersion
        self.agreementId = agreementId.uuidString.lowercased()
        self.version = version
        self.kind = kind
        self.parties = parties.map {
            Party(id: $0.organizationId.uuidString.lowercased(), name: $0.name, side: $0.side)
        }
        title = content.title
        areas = content.areas
        termStart = Self.day(content.term.start)
        termMonths = content.term.durationMonths
        prevailingLanguage = content.prevailingLanguage
        text = content.text
        attachments = content.attachments
    }

    /// The canonical bytes.
    public var data: Data {
        get throws { try CanonicalJSON.encode(self) }
    }

    /// The message a party's key signs for the version with this digest: a fixed first line, so that the
    /// signature cannot be taken for a signature over anything else, then the agreement, version and digest.
    public static func signingMessage(agreementId: UUID, version: Int, digest: String) -> Data {
        Data(
            """
            silkbridge agreement signature v1
            agreement \(agreementId.uuidString.lowercased())
            version \(version)
            sha256 \(digest)

            """.utf8)
    }

    /// A calendar day in UTC, `2026-11-29`: terms start on a day, not an instant.
    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

/// JSON with sorted keys and unescaped slashes, one spelling per value.
enum CanonicalJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
