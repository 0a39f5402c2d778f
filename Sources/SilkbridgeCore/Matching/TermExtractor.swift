import Foundation

/// Words of a text as the search index reads them (normalised, segmented, stemmed), so that similarity works
/// across scripts and spellings. Implemented where the multilingual tokenizer is at hand.
public protocol TermExtractor: Sendable {
    func terms(_ text: String) -> Set<String>
}
