import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends mail through one SMTP server, opening a connection for each message: mail is sent seldom enough that a
/// fresh connection costs little, and no connection is left half-used after an error.
public struct SMTPClient: MailTransport {
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    /// Made once, since loading the system's trust store is slow; a failure shows at the first send.
    private let tlsContext: TLSContextResult

    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        var logger = logger
        logger[metadataKey: "smtp.server"] = "\(configuration.host):\(configuration.port)"
        self.logger = logger
        self.tlsContext = Self.makeTLSContext(for: configuration)
    }

    public func deliver(_ message: MailMessage) async throws(MailDeliveryError) {
        try await send(message)
    }

    public func send(_ message: MailMessage) async throws(MailDeliveryError) {
        let tls = try tlsContext.get()
        let data = message.rendered()
        let connection: SMTPConnection
        do {
            connection = try await SMTPConnection.connect(
                host: configuration.host,
                port: configuration.port,
                implicitTLS: configuration.security == .implicitTLS ? tls : nil,
                serverHostname: serverHostname,
                timeout: TimeAmount(configuration.timeout),
                group: eventLoopGroup
            )
        } catch {
            let failure = SMTPConnectionError(error)
            throw .temporary(reason: "could not connect to \(server): \(failure.description)")
        }
        var conversation = SMTPConversation(
            connection: connection,
            configuration: configuration,
            tlsContext: tls,
            serverHostname: serverHostname,
            logger: logger
        )
        do {
            try await conversation.deliver(message, data: data)
            await connection.close()
            logger.info("mail delivered", metadata: ["mail.message_id": "\(message.messageID)"])
        } catch {
            await connection.close()
            let failure = conversation.deliveryError(for: error)
            logger.warning(
                "mail not delivered",
                metadata: ["mail.message_id": "\(message.messageID)", "mail.error": "\(failure)"]
            )
            throw failure
        }
    }

    private var server: String { "\(configuration.host):\(configuration.port)" }

    /// SNI cannot carry an IP address; NIOSSL then checks the certificate against the address it connected to.
    private var serverHostname: String? {
        (try? SocketAddress(ipAddress: configuration.tlsServerName, port: 0)) == nil ? configuration.tlsServerName : nil
    }

    private typealias TLSContextResult = Result<NIOSSLContext?, MailDeliveryError>

    private static func makeTLSContext(for configuration: SMTPConfiguration) -> TLSContextResult {
        guard configuration.security != .plain else { return .success(nil) }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let file = configuration.trustRootsPEMFile {
            guard FileManager.default.isReadableFile(atPath: file) else {
                return .failure(.permanent(reason: "the trusted CA file \(file) cannot be read"))
            }
            tls.additionalTrustRoots = [.file(file)]
        }
        do {
            return .success(try NIOSSLContext(configuration: tls))
        } catch {
            let source = configuration.trustRootsPEMFile ?? "the system trust store"
            return .failure(
                .permanent(reason: "the TLS settings cannot be used: is \(source) a PEM file of certificates?"))
        }
    }
}
