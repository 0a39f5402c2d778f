import Foundation

extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal, two digits each: how digests and secrets are written everywhere.
    public var hexadecimal: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
