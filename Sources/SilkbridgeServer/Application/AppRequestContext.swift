import Foundation
import Hummingbird
import Logging
import NIOCore
import SilkbridgeCore

/// The request context of every route: who is calling and in which language to answer.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account and the token that proved it, if any.
    public var identity: (token: AccessToken, account: Account)?
    public var language: Language = .english
    /// The double-submit token that forms of this request must echo back.
    public var csrfToken: String = ""
    /// How many inbox notices the signed-in person has not read; set for pages only.
    public var unreadNotices: Int = 0

    /// The network address of the connection's other end.
    public let peerAddress: String?
    /// The client's address, which log-in throttling counts by: the peer's, or behind a trusted proxy the one it
    /// forwarded for (`ClientAddressMiddleware`).
    public var clientAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        clientAddress = peerAddress
    }

    /// Large enough for any organisation profile, small enough that no request can exhaust memory.
    public var maxUploadSize: Int { 1 << 20 }

    public var account: Account? { identity?.account }

    /// The account, or a 401 for anonymous callers.
    public func requireAccount() throws -> Account {
        guard let account else { throw AccountError.notAuthenticated }
        return account
    }
}
