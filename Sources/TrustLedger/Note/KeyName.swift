/// The signed-note rule for key names: non-empty, with no Unicode space, no plus and no control character.
enum KeyName {
    static func isValid(_ name: some StringProtocol) -> Bool {
        !name.isEmpty
            && !name.unicodeScalars.contains { $0 == "+" || $0.value < 0x20 || $0.properties.isWhitespace }
    }
}
