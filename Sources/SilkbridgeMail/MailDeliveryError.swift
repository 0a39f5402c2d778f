/// Why a message was not delivered, split the way a sender has to decide: retry later, or give up.
public enum MailDeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Retrying later may succeed: a 4xx reply, a connection that failed or broke off, a timeout, a TLS failure.
    case temporary(reason: String)
    /// Retrying the same message will fail again: a 5xx reply, a configuration or a message the server cannot take.
    case permanent(reason: String)

    public var isPermanent: Bool {
        if case .permanent = self { return true }
        return false
    }

    public var reason: String {
        switch self {
        case .temporary(let reason), .permanent(let reason): reason
        }
    }

    public var description: String {
        isPermanent ? "permanent mail delivery failure: \(reason)" : "temporary mail delivery failure: \(reason)"
    }
}
