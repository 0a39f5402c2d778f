import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// What went wrong with the connection itself, as opposed to a reply the server chose to give. All of it is worth
/// retrying later.
enum SMTPConnectionError: Error, Sendable, Hashable {
    case closed
    case timeout
    case protocolViolation(String)
    case tls(String)
    case io(String)

    /// Errors from NIO and BoringSSL carry type names, source paths and errno dumps; this keeps what a person
    /// needs to see.
    init(_ error: any Error) {
        switch error {
        case let error as SMTPConnectionError:
            self = error
        case let error as NIOSSLError:
            switch error {
            case .uncleanShutdown: self = .closed
            case .handshakeFailed(let underlying): self = .tls("TLS handshake failed: \(Self.reasons(underlying))")
            default: self = .tls("TLS failed (\(error))")
            }
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            self = .tls("the server's TLS certificate is not for this host name")
        case is NIOSSLExtraError, is BoringSSLError:
            self = .tls("TLS failed")
        case let error as IOError:
            self = Self.fromErrno(error.errnoCode)
        case let error as ChannelError:
            switch error {
            case .connectTimeout: self = .timeout
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed: self = .closed
            default: self = .io("a network error")
            }
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first {
                self = SMTPConnectionError(failure.error)
            } else if error.dnsAError != nil || error.dnsAAAAError != nil {
                self = .io("the host name could not be resolved")
            } else {
                self = .io("no address to connect to")
            }
        default:
            self = .io("a network error")
        }
    }

    var description: String {
        switch self {
        case .closed: "the connection was closed"
        case .timeout: "no reply in time"
        case .protocolViolation(let text), .tls(let text), .io(let text): text
        }
    }

    private static func fromErrno(_ code: CInt) -> SMTPConnectionError {
        switch code {
        case ECONNRESET, EPIPE: .closed
        case ETIMEDOUT: .timeout
        default: .io(String(cString: strerror(code)).lowercased())
        }
    }

    /// BoringSSL's reason codes (`CERTIFICATE_VERIFY_FAILED`) without the source file each message names.
    private static func reasons(_ error: BoringSSLError) -> String {
        let stack: NIOBoringSSLErrorStack
        switch error {
        case .sslError(let errors), .unknownError(let errors): stack = errors
        default: return "\(error)"
        }
        let reasons = stack.compactMap { entry -> String? in
            let text = "\(entry)"
            guard let start = text.range(of: "error:") else { return nil }
            // code:library:function:REASON at file:line
            let fields = text[start.upperBound...].split(separator: ":", maxSplits: 3)
            guard fields.count == 4 else { return nil }
            let reason = fields[3].components(separatedBy: " at ")[0]
            return reason.lowercased().replacingOccurrences(of: "_", with: " ")
        }
        return reasons.isEmpty ? "unknown reason" : reasons.joined(separator: ", ")
    }
}
