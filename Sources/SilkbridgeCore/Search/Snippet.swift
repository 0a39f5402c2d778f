/// A short passage of a hit's text with the places that match the query.
public struct Snippet: Sendable, Hashable {
    public let text: String
    /// Ranges of Unicode scalar (code point) offsets into `text`, ordered and not overlapping.
    public let highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// `text` cut into pieces, each either matching the query or not, in order.
    public var pieces: [(text: String, isMatch: Bool)] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [(text: String, isMatch: Bool)] = []
        func add(_ range: Range<Int>, isMatch: Bool) {
            guard !range.isEmpty else { return }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[range])
            pieces.append((String(piece), isMatch))
        }
        var offset = 0
        for highlight in highlights {
            add(offset..<highlight.lowerBound, isMatch: false)
            add(highlight, isMatch: true)
            offset = highlight.upperBound
        }
        add(offset..<scalars.count, isMatch: false)
        return pieces
    }
}

/// A hit's snippet in each language its text is written in.
public struct LocalizedSnippet: Sendable, Hashable {
    public let english: Snippet?
    public let chinese: Snippet?

    public init(english: Snippet?, chinese: Snippet?) {
        self.english = english
        self.chinese = chinese
    }

    /// The snippet in the wanted language, or in the other one when the text is written only in that.
    public func best(for language: Language) -> Snippet? {
        switch language {
        case .english: english ?? chinese
        case .simplifiedChinese: chinese ?? english
        }
    }
}
