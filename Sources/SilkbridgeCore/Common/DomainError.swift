import Foundation

/// What kind of failure an error is, so every edge (API, pages, CLI) can answer it the same way.
public enum FailureKind: Sendable {
    case invalid
    case unauthenticated
    case forbidden
    case notFound
    case conflict
    /// The caller tried too often; `DomainError.retryAfter` says when it may try again.
    case tooManyRequests
    /// The service cannot do this right now; trying again later may work.
    case unavailable
}

/// An error of the domain that carries its own bilingual explanation.
public protocol DomainError: Error, Sendable {
    var kind: FailureKind { get }
    var message: Message { get }
    var retryAfter: TimeInterval? { get }
}

extension DomainError {
    /// How long the caller should wait before trying again, where the error knows (RFC 9110 `Retry-After`).
    public var retryAfter: TimeInterval? { nil }
}
