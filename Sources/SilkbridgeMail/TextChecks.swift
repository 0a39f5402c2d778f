enum TextChecks {
    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: any of them in a header could end
    /// the line early in some reader and let the rest pose as another header.
    static func containsControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }

    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }
}

extension TextChecks {
    /// RFC 5322 quoted-string: only the backslash and the double quote need escaping.
    static func quotedString(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            if character == "\\" || character == "\"" {
                quoted.append("\\")
            }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
