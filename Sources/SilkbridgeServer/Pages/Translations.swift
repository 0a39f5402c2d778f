import Foundation
import SilkbridgeCore

/// The interface strings of the web pages, one JSON file a language, with the same keys in each.
struct Translations: Sendable {
    let strings: [Language: [String: String]]

    static func load() throws -> Translations {
        var strings: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard
                let url = Bundle.module.url(
                    forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/Locales")
            else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(language.rawValue).json"]) }
            strings[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Translations(strings: strings)
    }

    subscript(language: Language) -> [String: String] { strings[language] ?? [:] }

    func text(_ key: String, _ language: Language) -> String { self[language][key] ?? key }
}
