/// A searchable unit of text, tagged with the script it was cut from.
public struct Token: Hashable, Sendable {
    /// The script family of a token.
    public enum Script: Hashable, Sendable {
        /// Chinese characters (Han ideographs).
        case han
        /// Latin letters, digits and any other alphanumerics that are not Han.
        case latin
    }

    /// The normalised text, as stored in and looked up from an index.
    public let text: String
    /// The script of the run the token came from.
    public let script: Script

    /// Creates a token.
    public init(_ text: String, script: Script) {
        self.text = text
        self.script = script
    }
}
