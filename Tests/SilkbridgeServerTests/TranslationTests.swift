import Foundation
import SilkbridgeCore
import Testing

@testable import SilkbridgeServer

@Suite(.timeLimit(.minutes(10))) struct TranslationTests {
    @Test func bothLanguagesHaveTheSameKeysAndEveryTemplateKeyExists() throws {
        let translations = try Translations.load()
        let english = Set(translations[.english].keys)
        let chinese = Set(translations[.simplifiedChinese].keys)
        #expect(english == chinese)
        let folder = try PageRenderer.templatesFolder()
        let templates = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(templates.count >= 10)
        for name in templates {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.(\w+)\}\}/) {
                #expect(english.contains(String(match.1)), "\(name) uses t.\(match.1)")
            }
        }
        for (key, value) in translations[.simplifiedChinese] where key != "switch_language" {
            #expect(value.unicodeScalars.contains { $0.properties.isIdeographic }, "\(key) is not translated")
        }
    }
}
