/// A light, conservative English suffix stripper that maps a word and its inflections to one stem.
///
/// Rules, applied to lower-case ASCII words of four letters or more, in order:
/// 1. Plurals: `-sses` → `-ss`, `-ies` → `-y`, `-es` after s, x, z, ch or sh is dropped, and a final `-s` is
///    dropped unless it follows s, u or i (`business`, `status`, `analysis` stay).
/// 2. `-ing` and `-ed` are dropped when at least three letters with a vowel remain (`-ied` → `-y`, but `-eed`
///    stays: `need`, `speed`); a doubled final consonant other than l, s or z is then undoubled
///    (`planned` → `plan`).
/// 3. Otherwise a final silent `-e` is dropped when three letters remain, so that `compute`, `computes`,
///    `computed` and `computing` all become `comput`, and `service`, `services` become `servic`.
///
/// Stems need not be words; what matters is that a query and a document stem alike.
public struct EnglishStemmer: Sendable {
    /// Creates a stemmer.
    public init() {}

    /// The stem of a lower-case word; words with digits, capitals or non-ASCII letters are returned unchanged.
    public func stem(_ word: String) -> String {
        var letters = Array(word.utf8)
        guard letters.count >= 4, letters.allSatisfy({ (0x61...0x7A).contains($0) }) else { return word }
        stripPlural(&letters)
        if !stripVerbEnding(&letters), letters.count >= 4, letters.hasSuffix("e") {
            letters.removeLast()
        }
        return String(decoding: letters, as: UTF8.self)
    }

    private func stripPlural(_ letters: inout [UInt8]) {
        if letters.hasSuffix("sses") {
            letters.removeLast(2)
        } else if letters.hasSuffix("ies") && letters.count > 4 {
            letters.replaceSuffix(3, with: "y")
        } else if letters.hasSuffix("es") && letters.count >= 5
            && (Self.isAny(letters[letters.count - 3], of: "sxz") || letters.hasSuffix("ches")
                || letters.hasSuffix("shes"))
        {
            letters.removeLast(2)
        } else if letters.hasSuffix("s") && !letters.hasSuffix("ss") && !letters.hasSuffix("us")
            && !letters.hasSuffix("is")
        {
            letters.removeLast()
        }
    }

    /// Returns whether an `-ing` or `-ed` ending was removed.
    private func stripVerbEnding(_ letters: inout [UInt8]) -> Bool {
        let suffixLength: Int
        if letters.hasSuffix("ing") {
            suffixLength = 3
        } else if letters.hasSuffix("ed") && !letters.hasSuffix("eed") {
            suffixLength = 2
        } else {
            return false
        }
        let stem = letters.dropLast(suffixLength)
        guard stem.count >= 3, stem.contains(where: Self.isVowel) else { return false }
        if suffixLength == 2 && letters.hasSuffix("ied") {
            letters.replaceSuffix(3, with: "y")
            return true
        }
        letters.removeLast(suffixLength)
        if let last = letters.last, letters[letters.count - 2] == last, !Self.isAny(last, of: "aeiouylsz") {
            letters.removeLast()
        }
        return true
    }

    private static func isVowel(_ letter: UInt8) -> Bool {
        isAny(letter, of: "aeiouy")
    }

    private static func isAny(_ letter: UInt8, of letters: StaticString) -> Bool {
        letters.withUTF8Buffer { $0.contains(letter) }
    }
}

extension [UInt8] {
    fileprivate func hasSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        return suffix.withUTF8Buffer { self[(self.count - count)...].elementsEqual($0) }
    }

    fileprivate mutating func replaceSuffix(_ length: Int, with replacement: StaticString) {
        removeLast(length)
        replacement.withUTF8Buffer { append(contentsOf: $0) }
    }
}
