import Foundation
import Mustache
import SilkbridgeCore

/// What a form shows after a rejected submission: each message next to its field.
struct FormErrors {
    var fieldErrors: [String: String] = [:]
    var general: String?

    init(_ error: any DomainError, language: Language) {
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

/// Templates read the messages by name (`errors.name`, `hasErrors`, `general`); `hasFieldErrors` says whether any
/// field is marked, so that a form refused as a whole (a wrong password) does not point at fields.
extension FormErrors: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "errors": fieldErrors
        case "hasErrors": general != nil || !fieldErrors.isEmpty
        case "hasFieldErrors": !fieldErrors.isEmpty
        case "general": general
        default: nil
        }
    }
}
