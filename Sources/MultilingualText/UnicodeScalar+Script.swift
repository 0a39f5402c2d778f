extension Unicode.Scalar {
    /// Whether the scalar is a CJK ideograph, the unit the Chinese segmenter works on.
    var isHan: Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: true
        default: false
        }
    }

    /// Whether the scalar can be part of a word written in an alphabet or with digits.
    var isWordCharacter: Bool {
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        return !isHan && (properties.isAlphabetic || properties.numericType != nil)
    }
}
