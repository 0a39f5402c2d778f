/// A message, address or configuration that cannot be used as given. The message is meant for a person: it names
/// the offending part but never repeats a password.
public struct MailError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
