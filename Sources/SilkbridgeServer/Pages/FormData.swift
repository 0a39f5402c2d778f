import Foundation
import Hummingbird
import SilkbridgeCore

/// The fields of an `application/x-www-form-urlencoded` body, with repeated names kept (checkbox lists).
struct FormData: Sendable {
    let fields: [(name: String, value: String)]

    init(request: Request, context: AppRequestContext) async throws {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let body = String(buffer: buffer).replacingOccurrences(of: "+", with: "%20")
        fields = (URLComponents(string: "?" + body)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        try CSRF.check(self["_csrf"], context: context)
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

    func localized(_ prefix: String) -> LocalizedText {
        LocalizedText(english: text("\(prefix)_en"), chinese: text("\(prefix)_zh"))
    }
}
