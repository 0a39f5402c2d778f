import Foundation

/// Text a user wrote in English and/or Simplified Chinese.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var english: String?
    public var chinese: String?

    public init(english: String? = nil, chinese: String? = nil) {
        self.english = english
        self.chinese = chinese
    }

    enum CodingKeys: String, CodingKey {
        case english = "en"
        case chinese = "zh-Hans"
    }

    public subscript(language: Language) -> String? {
        switch language {
        case .english: english
        case .simplifiedChinese: chinese
        }
    }

    /// The text in the wanted language, or in the other one when the author wrote only that.
    public func best(for language: Language) -> String {
        self[language] ?? english ?? chinese ?? ""
    }

    public var isEmpty: Bool { (english ?? "").isEmpty && (chinese ?? "").isEmpty }

    /// Drops blank languages so that `{"en": "  "}` counts as not written.
    public var trimmed: LocalizedText {
        func clean(_ text: String?) -> String? {
            let value = text?.trimmingCharacters(in: .whitespacesAndNewlines)
            return value?.isEmpty == false ? value : nil
        }
        return LocalizedText(english: clean(english), chinese: clean(chinese))
    }
}
