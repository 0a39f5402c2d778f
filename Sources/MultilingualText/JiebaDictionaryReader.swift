/// Reads dictionaries in jieba's text format, one `word frequency [tag]` per line, into a prefix trie.
///
/// Works on raw UTF-8 bytes: building a `String` per line would dominate the load time of a 350,000-word file.
enum JiebaDictionaryReader {
    /// Inserts every word of `bytes` with its frequency as weight; `#` lines are comments.
    static func read(_ bytes: UnsafeRawBufferPointer, file: String, into trie: inout PrefixTrie) throws {
        var word: [UInt32] = []
        word.reserveCapacity(32)
        var position = 0
        var lineNumber = 0
        while position < bytes.count {
            lineNumber += 1
            var end = position
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { position = end + 1 }
            var lineEnd = end
            if lineEnd > position && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == position || bytes[position] == UInt8(ascii: "#") { continue }

            word.removeAll(keepingCapacity: true)
            var cursor = position
            while cursor < lineEnd && bytes[cursor] != 0x20 && bytes[cursor] != 0x09 {
                guard let scalar = decodeScalar(bytes, at: &cursor, end: lineEnd) else {
                    throw MultilingualTextError.malformedLine(file: file, line: lineNumber)
                }
                word.append(scalar)
            }
            while cursor < lineEnd && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) { cursor += 1 }
            var frequency = 0
            let digitsStart = cursor
            while cursor < lineEnd && (0x30...0x39).contains(bytes[cursor]) {
                frequency = frequency * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
            }
            guard !word.isEmpty, cursor > digitsStart else {
                throw MultilingualTextError.malformedLine(file: file, line: lineNumber)
            }
            trie.insert(word, weight: Float(frequency))
        }
    }

    /// Decodes one UTF-8 scalar, folding ASCII capitals to lower case so that lookups of folded text match.
    private static func decodeScalar(_ bytes: UnsafeRawBufferPointer, at cursor: inout Int, end: Int) -> UInt32? {
        let lead = bytes[cursor]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00..<0x80:
            cursor += 1
            return (0x41...0x5A).contains(lead) ? UInt32(lead) + 0x20 : UInt32(lead)
        case 0xC2..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0..<0xF5: (length, value) = (4, UInt32(lead & 0x07))
        default: return nil
        }
        guard cursor + length <= end else { return nil }
        for offset in 1..<length {
            let continuation = bytes[cursor + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        cursor += length
        return value
    }
}
