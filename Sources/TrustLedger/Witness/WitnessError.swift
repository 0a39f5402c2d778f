import Foundation

/// Reasons a witness refuses an add-checkpoint request, each tied to the HTTP status tlog-witness requires.
public enum WitnessError: Error, Hashable, Sendable {
    /// The body or checkpoint is malformed (400 Bad Request).
    case malformedRequest(String)
    /// The old size is larger than the checkpoint size (400 Bad Request).
    case oldSizeExceedsCheckpoint(oldSize: UInt64, checkpointSize: UInt64)
    /// No trusted key is configured for the checkpoint's origin (404 Not Found).
    case unknownOrigin(String)
    /// No signature verifies against the origin's trusted keys (403 Forbidden).
    case untrustedSignature
    /// The old size is not the latest cosigned size (409 Conflict).
    case conflict(recordedSize: UInt64)
    /// The consistency proof does not verify, or the recorded size has another root (422 Unprocessable Entity).
    case inconsistentProof(String)

    /// The HTTP status code the specification assigns.
    public var statusCode: Int {
        switch self {
        case .malformedRequest, .oldSizeExceedsCheckpoint: 400
        case .untrustedSignature: 403
        case .unknownOrigin: 404
        case .conflict: 409
        case .inconsistentProof: 422
        }
    }

    /// The response body: the recorded size and a newline for a conflict, otherwise a short explanation.
    public var responseBody: Data {
        switch self {
        case .conflict(let size): Data("\(size)\n".utf8)
        case .malformedRequest(let reason), .inconsistentProof(let reason): Data("\(reason)\n".utf8)
        case .oldSizeExceedsCheckpoint(let old, let size):
            Data("old size \(old) exceeds checkpoint size \(size)\n".utf8)
        case .unknownOrigin(let origin): Data("unknown origin \(origin)\n".utf8)
        case .untrustedSignature: Data("no signature verifies with a trusted key\n".utf8)
        }
    }

    /// The response content type: `text/x.tlog.size` for a conflict, as the specification requires.
    public var contentType: String {
        if case .conflict = self { return "text/x.tlog.size" }
        return "text/plain; charset=utf-8"
    }
}
