import MultilingualText
import SilkbridgeCore

/// The words of a text as the search index stores them, for matching across languages and spellings.
struct MultilingualTermExtractor: TermExtractor {
    let tokenizer = MultilingualTokenizer.standard

    func terms(_ text: String) -> Set<String> {
        Set(tokenizer.tokens(text, mode: .query).map(\.text))
    }
}
