import Foundation

/// A language the platform speaks, identified by its BCP 47 tag.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case simplifiedChinese = "zh-Hans"

    /// Picks the best supported language from an `Accept-Language` header value, honouring q-values.
    public static func preferred(fromAcceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (Language, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), let language = Language(looseTag: tag) else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0 ? (language, quality) : nil
        }
        return ranked.max { $0.1 < $1.1 }?.0
    }

    /// Accepts the tags people actually send: `zh`, `zh-CN`, `zh-Hans-CN`, `en-GB`…
    public init?(looseTag: String) {
        let tag = looseTag.lowercased()
        if tag == "zh" || tag.hasPrefix("zh-hans") || tag == "zh-cn" || tag == "zh-sg" {
            self = .simplifiedChinese
        } else if tag == "en" || tag.hasPrefix("en-") {
            self = .english
        } else {
            return nil
        }
    }
}
