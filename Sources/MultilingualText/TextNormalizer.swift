import Foundation

/// Folds text so that spellings a searcher would not tell apart compare equal.
///
/// Full-width ASCII becomes half-width, text is lower-cased, diacritics are stripped from Latin letters (é → e,
/// ß → ss) and Traditional Chinese characters that have exactly one Simplified form become it (華 → 华).
public struct TextNormalizer: Sendable {
    /// The normaliser with the bundled Traditional → Simplified table, loaded once per process.
    public static let standard: TextNormalizer = {
        do {
            return try loadBundled()
        } catch {
            fatalError("MultilingualText's bundled character table is missing or damaged: \(error)")
        }
    }()

    private let simplified: [Unicode.Scalar: Unicode.Scalar]

    /// Creates a normaliser that maps each key character to its Simplified value.
    public init(traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]) {
        simplified = traditionalToSimplified
    }

    /// Loads the bundled table of one-to-one Traditional → Simplified characters.
    public static func loadBundled() throws -> TextNormalizer {
        let url = try BundledResource.traditionalToSimplified.url
        let text = try String(contentsOf: url, encoding: .utf8)
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (index, line) in text.split(separator: "\n").enumerated() {
            let pair = Array(line.unicodeScalars)
            guard pair.count == 3, pair[1] == "\t" else {
                throw MultilingualTextError.malformedLine(file: url.lastPathComponent, line: index + 1)
            }
            table[pair[0]] = pair[2]
        }
        return TextNormalizer(traditionalToSimplified: table)
    }

    /// Returns the folded form of `text`.
    public func normalize(_ text: String) -> String {
        String(scalars: normalizedScalars(text)[...])
    }

    /// The folded scalars of `text`, for tokenizers that work on scalars anyway.
    func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.utf8.count)
        fold(text) { scalar, _ in output.append(scalar) }
        return output
    }

    /// The folded scalars of `text` and, for each, the offset of the scalar of `text` it came from, so that a
    /// match found in folded text can be shown in the text as written.
    func normalizedScalarsWithOrigins(_ text: String) -> (scalars: [Unicode.Scalar], origins: [Int]) {
        var output: [Unicode.Scalar] = []
        var origins: [Int] = []
        fold(text) { scalar, origin in
            output.append(scalar)
            origins.append(origin)
        }
        return (output, origins)
    }

    /// Calls `emit` with each folded scalar and the offset of the scalar of `text` it stands for.
    @inline(__always)
    private func fold(_ text: String, _ emit: (Unicode.Scalar, Int) -> Void) {
        var afterLatinLetter = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) {
                value -= 0xFEE0
            } else if value == 0x3000 {
                value = 0x20
            }
            if value < 0x80 {
                let isUpper = (0x41...0x5A).contains(value)
                let letter = isUpper || (0x61...0x7A).contains(value)
                emit(Unicode.Scalar(UInt8(isUpper ? value + 0x20 : value)), offset)
                afterLatinLetter = letter
            } else if let target = simplified[scalar] {
                emit(target, offset)
                afterLatinLetter = false
            } else if scalar.isHan {
                // Han has neither case nor marks; skipping the property look-ups speeds up Chinese text.
                emit(scalar, offset)
                afterLatinLetter = false
            } else if let folded = Self.latinFolding[scalar] {
                for base in folded { emit(base, offset) }
                afterLatinLetter = true
            } else if scalar.properties.generalCategory == .nonspacingMark {
                // A mark typed after its letter (e + U+0301) is the decomposed twin of a precomposed letter.
                if !afterLatinLetter { emit(scalar, offset) }
            } else {
                if scalar.properties.changesWhenLowercased {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower, offset) }
                } else {
                    emit(scalar, offset)
                }
                afterLatinLetter = false
            }
        }
    }

    /// Lower-case base letters of the precomposed Latin letters, built once from their canonical decompositions.
    private static let latinFolding: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let lower = String(scalar).lowercased()
            let base = lower.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }
            table[scalar] = Array(base)
        }
        // Case folding, not lower-casing, is what equates ß with ss.
        table["ß"] = ["s", "s"]
        table["ẞ"] = ["s", "s"]
        return table
    }()
}
