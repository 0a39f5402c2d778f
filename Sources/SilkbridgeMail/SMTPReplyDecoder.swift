import NIOCore

/// Reads replies line by line: `250-…` lines go on, a `250 …` line (or a bare `250`) ends the reply
/// (RFC 5321 section 4.2.1).
///
/// The client never pipelines, so bytes left over once a reply is complete were sent unasked. They are refused
/// rather than kept: around STARTTLS they would be plain text posing as part of the encrypted conversation.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 allows 512 octets; a server sending far more is not speaking SMTP.
    static let longestLine = 4096
    static let mostLines = 200

    private var code: Int?
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.longestLine {
                throw SMTPConnectionError.protocolViolation(
                    "the server sent a reply line longer than \(Self.longestLine) bytes")
            }
            return .needMoreData
        }
        guard var line = buffer.readSlice(length: newline - view.startIndex + 1) else {
            return .needMoreData
        }
        let content = line.readBytes(length: line.readableBytes)!.dropLast { $0 == 0x0A || $0 == 0x0D }
        let (lineCode, isLast, text) = try Self.parse(Array(content))
        if let code, code != lineCode {
            throw SMTPConnectionError.protocolViolation(
                "the server mixed reply codes \(code) and \(lineCode) in one reply")
        }
        code = lineCode
        lines.append(text)
        guard isLast else {
            if lines.count > Self.mostLines {
                throw SMTPConnectionError.protocolViolation(
                    "the server sent a reply of more than \(Self.mostLines) lines")
            }
            return .continue
        }
        if buffer.readableBytes > 0 {
            throw SMTPConnectionError.protocolViolation("the server sent more than the reply to the last command")
        }
        let reply = SMTPReply(code: lineCode, lines: lines)
        code = nil
        lines = []
        context.fireChannelRead(wrapInboundOut(reply))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        // A reply cut off by the end of the connection is no reply; the handler reports the connection closed.
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }

    private static func parse(_ bytes: [UInt8]) throws -> (code: Int, isLast: Bool, text: String) {
        let digits = bytes.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(digits[0])
        else {
            throw SMTPConnectionError.protocolViolation("the server sent a line that is not an SMTP reply")
        }
        let code = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard bytes.count > 3 else {
            return (code, true, "")
        }
        guard bytes[3] == UInt8(ascii: "-") || bytes[3] == UInt8(ascii: " ") else {
            throw SMTPConnectionError.protocolViolation("the server sent a line that is not an SMTP reply")
        }
        // Control characters from the server would otherwise end up in logs and error messages.
        let text = String(decoding: bytes.dropFirst(4), as: UTF8.self).unicodeScalars
            .map { $0.properties.generalCategory == .control ? " " : String($0) }.joined()
        return (code, bytes[3] == UInt8(ascii: " "), text)
    }
}

extension Array where Element == UInt8 {
    fileprivate func dropLast(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        var end = endIndex
        while end > startIndex, predicate(self[end - 1]) {
            end -= 1
        }
        return self[startIndex..<end]
    }
}
