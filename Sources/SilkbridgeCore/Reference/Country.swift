import Foundation

/// A country (ISO 3166-1) with its names and, if it takes part, its side.
public struct Country: Sendable, Hashable, Identifiable {
    public let code: String
    public let name: LocalizedText
    /// `nil` for countries outside China and the European Union.
    public let side: Side?

    public var id: String { code }

    public init(code: String, name: LocalizedText, side: Side?) {
        self.code = code
        self.name = name
        self.side = side
    }
}

/// A Chinese province, municipality or region (ISO 3166-2:CN).
public struct Province: Sendable, Hashable, Identifiable {
    public let code: String
    public let name: LocalizedText

    public var id: String { code }

    public init(code: String, name: LocalizedText) {
        self.code = code
        self.name = name
    }
}
