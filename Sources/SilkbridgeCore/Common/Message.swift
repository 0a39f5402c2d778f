import Foundation

/// A sentence shown to people, in both languages the platform speaks.
public struct Message: Sendable, Hashable {
    public let english: String
    public let chinese: String

    public init(_ english: String, _ chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    public func text(in language: Language) -> String {
        language == .english ? english : chinese
    }
}
