import Foundation
import Hummingbird
import SilkbridgeCore

/// The fields of an `application/x-www-form-urlencoded` body, with repeated names kept (checkbox lists).
struct FormData: Sendable {
    let fields: [(name: String, value: String)]

    /// A posted form, whose CSRF token `CSRFMiddleware` has already checked.
    init(request: Request, context: AppRequestContext) async throws {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        self.init(urlEncoded: String(buffer: buffer))
    }

    /// Fields a page fills in itself, such as an edit form showing what is stored.
    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// The query of a GET form, where browsers also write spaces as `+`.
    init(query request: Request) {
        self.init(urlEncoded: request.uri.query ?? "")
    }

    init(urlEncoded text: String) {
        let spaced = text.replacingOccurrences(of: "+", with: "%20")
        fields = (URLComponents(string: "?" + spaced)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// A field as typed, with blank meaning absent.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// One of the choices the form offers; a missing or unknown one is refused at its field, never replaced by a
    /// default.
    func choice<Value: RawRepresentable<String>>(_ name: String, as _: Value.Type = Value.self) throws -> Value {
        try read(name) { Value(rawValue: $0) }
    }

    /// An id the form offers to choose, such as the organisation acting.
    func id(_ name: String) throws -> UUID {
        try read(name) { UUID(uuidString: $0) }
    }

    private func read<Value>(_ name: String, _ parse: (String) -> Value?) throws -> Value {
        guard let text = text(name) else {
            throw ValidationError([FieldIssue(name, Message("is required.", "为必填项。"))])
        }
        guard let value = parse(text) else {
            throw ValidationError([FieldIssue(name, Message("is not one of the choices.", "不是可选项之一。"))])
        }
        return value
    }

    func localized(_ prefix: String) -> LocalizedText {
        LocalizedText(english: text("\(prefix)_en"), chinese: text("\(prefix)_zh"))
    }
}
