import Foundation

/// `type/subtype; key=value; key="quoted"; key*0*=utf-8''%E4…; key*1*=…` into plain values (RFC 2045, 2231).
enum HeaderParameters {
    static func parse(_ value: String) -> [String: String] {
        var plain: [String: String] = [:]
        var pieces: [String: [Int: (text: String, encoded: Bool)]] = [:]
        for item in split(value).dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            var key = item[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var text = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\"") {
                text = unquote(text)
            }
            let encoded = key.hasSuffix("*")
            if encoded {
                key.removeLast()
            }
            let parts = key.split(separator: "*")
            if parts.count == 2, let number = Int(parts[1]) {
                pieces[String(parts[0]), default: [:]][number] = (text, encoded)
            } else if encoded {
                pieces[key, default: [:]][0] = (text, true)
            } else {
                plain[key] = text
            }
        }
        for (key, numbered) in pieces {
            var bytes: [UInt8] = []
            for number in numbered.keys.sorted() {
                var (text, encoded) = numbered[number]!
                if number == 0, encoded, let charsetEnd = text.range(of: "''") {
                    text = String(text[charsetEnd.upperBound...])
                }
                bytes += encoded ? percentDecoded(text) : Array(text.utf8)
            }
            plain[key] = String(decoding: bytes, as: UTF8.self)
        }
        return plain
    }

    private static func split(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";", !quoted {
                items.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        items.append(current)
        return items
    }

    private static func percentDecoded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    static func unquote(_ text: String) -> String {
        var output = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            output.append(character)
        }
        return output
    }
}
