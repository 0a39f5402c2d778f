/// Whether text is being tokenized for storing in an index or for looking up.
///
/// Documents get extra tokens (the parts of hyphenated words, the bigrams of long Chinese words) so that
/// partial queries find them; a query keeps to its words so that it does not match more than it says.
public enum TokenizationMode: Hashable, Sendable {
    /// Tokens for a document to be indexed.
    case indexing
    /// Tokens for a search query.
    case query
}
