import Foundation

/// A field of cooperation (5G, cloud computing…) with its sub-topics.
public struct Area: Sendable, Hashable, Codable, Identifiable {
    public let code: String
    public let label: LocalizedText
    public let subtopics: [Subtopic]

    public var id: String { code }

    public init(code: String, label: LocalizedText, subtopics: [Subtopic]) {
        self.code = code
        self.label = label
        self.subtopics = subtopics
    }
}

/// A narrower theme inside an area, such as private 5G networks.
public struct Subtopic: Sendable, Hashable, Codable {
    public let code: String
    public let label: LocalizedText

    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}
