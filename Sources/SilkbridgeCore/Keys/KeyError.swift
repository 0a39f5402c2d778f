import Foundation

/// Failures of organisation key management.
public enum KeyError: DomainError, Equatable {
    case keyNotFound
    case alreadyRegistered
    case alreadyRevoked

    public var kind: FailureKind {
        switch self {
        case .keyNotFound: .notFound
        case .alreadyRegistered, .alreadyRevoked: .conflict
        }
    }

    public var message: Message {
        switch self {
        case .keyNotFound:
            Message("No key with this id in this organisation.", "该机构中没有此编号的密钥。")
        case .alreadyRegistered:
            Message(
                "publicKey: this key is already registered for this organisation.", "publicKey：该密钥已为此机构登记。")
        case .alreadyRevoked:
            Message("This key is already revoked.", "该密钥已被撤销。")
        }
    }
}
