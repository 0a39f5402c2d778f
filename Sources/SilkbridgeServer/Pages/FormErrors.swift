import Foundation
import Mustache
import SilkbridgeCore

/// What a form shows after a rejected submission: each message next to its field, and what was typed.
struct FormErrors {
    var fieldErrors: [String: String] = [:]
    var general: String?
    var values: [String: String]

    init(_ error: any DomainError, language: Language, values: [String: String]) {
        self.values = values
        if let validation = error as? ValidationError {
            for issue in validation.issues {
                // `name.en` and `name.zh-Hans` are shown next to their own inputs, so key by the form's names.
                let key = issue.field.replacingOccurrences(of: ".zh-Hans", with: "_zh")
                    .replacingOccurrences(of: ".en", with: "_en")
                    // Mustache reads a dot as a step into a nested value, so `amount.minimum` becomes `amount_minimum`.
                    .replacingOccurrences(of: ".", with: "_")
                fieldErrors[key, default: ""] += (fieldErrors[key] == nil ? "" : " ") + issue.message.text(in: language)
            }
        } else {
            general = error.message.text(in: language)
        }
    }

}

/// Templates read the messages by name (`errors.name`, `hasErrors`, `general`) and what was typed by its field's name.
extension FormErrors: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "errors": fieldErrors
        case "hasErrors": general != nil || !fieldErrors.isEmpty
        case "general": general
        default: values[name]
        }
    }
}

/// Two views read as one, as a merged dictionary was: the first one's values, then the second one's where the first
/// has none. A page shown again after a rejected form is the page merged with the form's messages and what was typed.
struct Merged<First, Second>: MustacheParent {
    let first: First
    let second: Second?

    init(_ first: First, _ second: Second?) {
        self.first = first
        self.second = second
    }

    func child(named name: String) -> Any? {
        Self.value(named: name, in: first) ?? second.flatMap { Self.value(named: name, in: $0) }
    }

    /// An absent optional reads as no value, so the lookup goes on to the second view as Mustache would.
    private static func value(named name: String, in view: Any) -> Any? {
        if let parent = view as? MustacheParent { return parent.child(named: name) }
        guard let value = Mirror(reflecting: view).descendant(name) else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
