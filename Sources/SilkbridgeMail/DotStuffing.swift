import Foundation
import NIOCore

/// The message as DATA sends it (RFC 5321 section 4.5.2): a "." that starts a line gets a second one, so that
/// no line of the message can pass for the lone "." that ends it, which then follows on a line of its own.
enum DotStuffing {
    static func dataBlock(for message: Data, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: message.count + message.count / 64 + 5)
        message.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            var copied = 0
            var lineStart = 0
            while lineStart < bytes.count {
                if bytes[lineStart] == UInt8(ascii: ".") {
                    buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[copied..<lineStart]))
                    buffer.writeInteger(UInt8(ascii: "."))
                    copied = lineStart
                }
                guard let newline = memchr(base + lineStart, 0x0A, bytes.count - lineStart) else { break }
                lineStart = UnsafeRawPointer(newline) - base + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[copied...]))
        }
        if !message.suffix(2).elementsEqual([0x0D, 0x0A]) {
            buffer.writeString("\r\n")
        }
        buffer.writeString(".\r\n")
        return buffer
    }
}
