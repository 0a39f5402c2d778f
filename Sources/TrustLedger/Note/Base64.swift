import Foundation

/// Standard base64 (RFC 4648 section 4) that accepts only the canonical encoding of each byte string,
/// so that equal values always have equal text.
enum Base64 {
    static func decode(_ text: some StringProtocol) -> Data? {
        guard let data = Data(base64Encoded: String(text)), data.base64EncodedString() == text else { return nil }
        return data
    }
}
