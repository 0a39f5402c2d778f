import Foundation

enum QuotedPrintableDecoder {
    static func decode(_ data: Data) throws -> Data {
        var output = Data()
        let bytes = Array(data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            if bytes.count - index >= 3, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                index += 3
                continue
            }
            guard bytes.count - index >= 3,
                let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            else {
                throw ParsedEntity.Failure(description: "a bad escape at byte \(index)")
            }
            output.append(value)
            index += 3
        }
        return output
    }
}
