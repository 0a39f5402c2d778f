import Foundation
import Hummingbird
import NIOCore
import SilkbridgeCore

/// An RFC 9457 problem document: what went wrong, in words a client developer can act on.
struct Problem: Encodable, Sendable {
    struct FieldError: Encodable, Sendable {
        let field: String
        let detail: String
    }

    let type: String
    let title: String
    let status: Int
    let detail: String
    var errors: [FieldError]?

    init(status: HTTPResponse.Status, detail: String, errors: [FieldError]? = nil) {
        type = "about:blank"
        title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.errors = errors
    }

    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/problem+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
