import Foundation
import Logging
import NIOCore
import NIOSSL

/// The conversation for one message, from the greeting to QUIT (RFC 5321 section 3), remembering which step it
/// is at so that a failure says where it happened.
struct SMTPConversation {
    private let connection: SMTPConnection
    private let configuration: SMTPConfiguration
    private let tlsContext: NIOSSLContext?
    private let serverHostname: String?
    private let logger: Logger
    private let secrets: [String]
    private var step = "the greeting"
    private var isEncrypted: Bool

    init(
        connection: SMTPConnection,
        configuration: SMTPConfiguration,
        tlsContext: NIOSSLContext?,
        serverHostname: String?,
        logger: Logger
    ) {
        self.connection = connection
        self.configuration = configuration
        self.tlsContext = tlsContext
        self.serverHostname = serverHostname
        self.logger = logger
        self.isEncrypted = configuration.security == .implicitTLS
        // A server may echo what it was sent; none of these may reach a log or an error.
        self.secrets =
            configuration.credentials.map { credentials in
                [
                    credentials.password,
                    Self.base64(credentials.password),
                    Self.plainToken(credentials),
                ].filter { !$0.isEmpty }
            } ?? []
    }

    mutating func deliver(_ message: MailMessage, data: Data) async throws {
        try check(await connection.greeting(), expecting: [220])
        step = "EHLO"
        var extensions = try await hello()
        try await secure(&extensions)
        try await authenticate(extensions)
        try await sendEnvelope(of: message, size: data.count, extensions: extensions)
        step = "DATA"
        try check(await connection.send("DATA"), expecting: [354])
        step = "the message data"
        let block = DotStuffing.dataBlock(for: data, allocator: ByteBufferAllocator())
        try check(await connection.send(block), expecting: [250])
        // The message is accepted; a failing goodbye changes nothing about that.
        step = "QUIT"
        _ = try? await connection.send("QUIT")
    }

    func deliveryError(for error: any Error) -> MailDeliveryError {
        if let error = error as? MailDeliveryError {
            return error
        }
        let failure = SMTPConnectionError(error)
        let reason =
            switch failure {
            case .timeout:
                "\(server) did not answer \(step) within \(configuration.timeout.readable)"
            case .closed:
                "\(server) closed the connection during \(step)"
            default:
                "\(failure.description) during \(step) with \(server)"
            }
        return .temporary(reason: redact(reason))
    }

    private var server: String { "\(configuration.host):\(configuration.port)" }

    private mutating func hello() async throws -> SMTPExtensions {
        let reply = try await connection.send("EHLO \(configuration.heloName)")
        if reply.code == 250 {
            return SMTPExtensions(ehlo: reply)
        }
        guard (500..<600).contains(reply.code) else {
            throw failure(for: reply)
        }
        // A server that predates ESMTP; it offers no extensions, so STARTTLS and AUTH are not to be had.
        step = "HELO"
        try check(await connection.send("HELO \(configuration.heloName)"), expecting: [250])
        return SMTPExtensions()
    }

    private mutating func secure(_ extensions: inout SMTPExtensions) async throws {
        switch configuration.security {
        case .implicitTLS, .plain:
            return
        case .startTLSWhenOffered where !extensions.startTLS:
            logger.debug("the server offers no STARTTLS; going on in plain text")
            return
        case .startTLSRequired where !extensions.startTLS:
            let why = configuration.credentials == nil ? "" : ", and a password is never sent without it"
            throw MailDeliveryError.permanent(reason: "\(server) does not offer STARTTLS, which is required\(why)")
        case .startTLSRequired, .startTLSWhenOffered:
            step = "STARTTLS"
            try check(await connection.send("STARTTLS"), expecting: [220])
            guard let tlsContext else {
                throw MailDeliveryError.permanent(reason: "no TLS settings for STARTTLS")
            }
            try await connection.startTLS(context: tlsContext, serverHostname: serverHostname)
            isEncrypted = true
            // RFC 3207 section 4.2: what the server offered before TLS no longer counts.
            step = "EHLO after STARTTLS"
            extensions = try await hello()
        }
    }

    private mutating func authenticate(_ extensions: SMTPExtensions) async throws {
        guard let credentials = configuration.credentials else { return }
        guard isEncrypted else {
            throw MailDeliveryError.permanent(reason: "refusing to send the SMTP password without TLS")
        }
        if extensions.authMechanisms.contains("PLAIN") {
            step = "AUTH PLAIN"
            try check(await connection.send("AUTH PLAIN \(Self.plainToken(credentials))"), expecting: [235])
        } else if extensions.authMechanisms.contains("LOGIN") {
            step = "AUTH LOGIN"
            try check(await connection.send("AUTH LOGIN"), expecting: [334])
            try check(await connection.send(Self.base64(credentials.username)), expecting: [334])
            try check(await connection.send(Self.base64(credentials.password)), expecting: [235])
        } else {
            let offered = extensions.authMechanisms.sorted().joined(separator: " ")
            throw MailDeliveryError.permanent(
                reason: "\(server) offers no log-in this client can use (PLAIN or LOGIN)"
                    + (offered.isEmpty ? "" : "; it offers \(offered)"))
        }
    }

    private mutating func sendEnvelope(of message: MailMessage, size: Int, extensions: SMTPExtensions) async throws {
        if let limit = extensions.sizeLimit, size > limit {
            throw MailDeliveryError.permanent(
                reason: "the message is \(size) bytes, more than the \(limit) bytes \(server) accepts")
        }
        var parameters: [String] = []
        if extensions.size {
            parameters.append("SIZE=\(size)")
        }
        if message.requiresSMTPUTF8 {
            guard extensions.smtpUTF8 else {
                let address = ([message.from] + message.to).first { $0.requiresSMTPUTF8 }!.address
                throw MailDeliveryError.permanent(
                    reason: "\(server) does not support SMTPUTF8, which the address \(address) needs")
            }
            parameters.append("SMTPUTF8")
            if extensions.eightBitMIME {
                parameters.append("BODY=8BITMIME")
            }
        }
        step = "MAIL FROM:<\(message.from.address)>"
        let mailFrom = (["MAIL FROM:<\(message.from.address)>"] + parameters).joined(separator: " ")
        try check(await connection.send(mailFrom), expecting: [250])
        // Any refused recipient fails the whole message: delivering to the others and reporting a failure would
        // make a retry send them a second copy.
        for recipient in message.to {
            step = "RCPT TO:<\(recipient.address)>"
            try check(await connection.send("RCPT TO:<\(recipient.address)>"), expecting: [250, 251])
        }
    }

    private func check(_ reply: SMTPReply, expecting codes: Set<Int>) throws(MailDeliveryError) {
        logger.trace("smtp reply", metadata: ["smtp.step": "\(step)", "smtp.reply": "\(redact(reply.summary))"])
        guard !codes.contains(reply.code) else { return }
        throw failure(for: reply)
    }

    private func failure(for reply: SMTPReply) -> MailDeliveryError {
        let reason = redact("\(server) refused \(step): \(reply.summary)")
        return (500..<600).contains(reply.code) ? .permanent(reason: reason) : .temporary(reason: reason)
    }

    private func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }

    private static func plainToken(_ credentials: SMTPConfiguration.Credentials) -> String {
        base64("\u{0}\(credentials.username)\u{0}\(credentials.password)")
    }
}

extension Duration {
    fileprivate var readable: String {
        let (seconds, attoseconds) = components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds) s" : "\(seconds).\(String(milliseconds + 1000).dropFirst()) s"
    }
}
