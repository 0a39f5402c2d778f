import Foundation
import Hummingbird
import NIOHTTP1
import OpenAPIRuntime
import SilkbridgeCore
import SilkbridgeStorage

/// Turns any error into a status and a bilingual explanation; the API and the pages both render from it.
struct Failure: Sendable {
    let status: HTTPResponse.Status
    let message: Message
    let fieldIssues: [FieldIssue]
    /// Seconds after which trying again makes sense, for a `Retry-After` header.
    var retryAfter: Int?
    /// The `Retry-After` of the answer (RFC 9110 §10.2.3, RFC 6585 §4): the error's own, or for a 503 that does
    /// not know, a few seconds, since such a 503 is a wait that ran out.
    var retryAfterHeader: String? {
        (retryAfter ?? (status == .serviceUnavailable ? 5 : nil)).map(String.init)
    }
    /// Only server faults are logged as errors; a client's mistake is not an incident.
    var isServerFault: Bool { status.code >= 500 }

    init(status: HTTPResponse.Status, message: Message, fieldIssues: [FieldIssue] = []) {
        self.status = status
        self.message = message
        self.fieldIssues = fieldIssues
    }

    init(_ error: any Error) {
        switch error {
        case let error as ValidationError:
            self.init(status: .badRequest, message: error.message, fieldIssues: error.issues)
        case let error as any DomainError:
            self.init(status: Self.status(of: error.kind), message: error.message)
            retryAfter = error.retryAfter.map { max(1, Int($0.rounded(.up))) }
        case let error as ServerError:
            self.init(serverError: error)
        case let error as DecodingError:
            self.init(status: .badRequest, message: Self.describe(error))
        case let error as HTTPParserError:
            // A body that is not HTTP (a chunk size of `ZZZ`) shows up only when the handler reads it.
            self.init(
                status: .badRequest,
                message: Message(
                    "The request body is not valid HTTP: \(error).", "请求正文不是有效的 HTTP 格式：\(error)。"))
        case let error as HTTPError:
            self.init(status: error.status, message: Self.message(for: error.status, detail: error.body))
        case let error as any HTTPResponseError:
            self.init(status: error.status, message: Self.message(for: error.status, detail: nil))
        case let error where TransientFailure.matches(error):
            self.init(status: .serviceUnavailable, message: Self.busy)
        default:
            self.init(status: .internalServerError, message: Self.message(for: .internalServerError, detail: nil))
        }
    }

    private init(serverError: ServerError) {
        if let underlying = serverError.underlyingError as? ServerError {
            self.init(serverError: underlying)
        } else if serverError.underlyingError is any DomainError || serverError.underlyingError is DecodingError
            || serverError.underlyingError is HTTPParserError || TransientFailure.matches(serverError.underlyingError)
        {
            self.init(serverError.underlyingError)
        } else if serverError.httpStatus.code < 500 {
            // The generated layer rejected the request (a bad path parameter, a wrong content type…).
            let english = "\(serverError.operationID): \(serverError.causeDescription)"
            self.init(status: serverError.httpStatus, message: Message(english, "请求无效：\(english)"))
        } else {
            self.init(status: .internalServerError, message: Self.message(for: .internalServerError, detail: nil))
        }
    }

    /// A database wait that ran out (a full pool, a busy file, a lost connection): the transaction was rolled back.
    static let busy = Message(
        "The server is busy and nothing was changed; try again in a few seconds.",
        "服务器繁忙，未做任何更改；请几秒后重试。")

    static func status(of kind: FailureKind) -> HTTPResponse.Status {
        switch kind {
        case .invalid: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }

    static func message(for status: HTTPResponse.Status, detail: String?) -> Message {
        switch status {
        case .notFound: Message("There is nothing at this address.", "此地址没有内容。")
        case .contentTooLarge:
            Message("The request body is larger than 1 MiB.", "请求正文超过 1 MiB。")
        case .methodNotAllowed: Message("This address does not accept this method.", "此地址不接受该请求方法。")
        case .internalServerError:
            Message(
                "Something went wrong on our side; nothing you sent was lost. Please try again.",
                "服务器出现问题；您提交的内容没有丢失。请重试。")
        default:
            Message(detail ?? status.reasonPhrase, detail ?? status.reasonPhrase)
        }
    }

    /// Names the field and the rule: `name.en: expected a string`.
    static func describe(_ error: DecodingError) -> Message {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "body" : text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context, key)
            return Message("\(field): is required.", "\(field)：为必填项。")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = path(context)
            let expected = describe(type)
            return Message("\(field): expected \(expected.english).", "\(field)：应为\(expected.chinese)。")
        case .dataCorrupted(let context):
            let field = path(context)
            if context.codingPath.isEmpty {
                return Message("The body is not valid UTF-8 JSON.", "请求正文不是有效的 UTF-8 JSON。")
            }
            return Message("\(field): \(context.debugDescription)", "\(field)：值无效（\(context.debugDescription)）")
        @unknown default:
            return Message("The body could not be read.", "无法读取请求正文。")
        }
    }

    private static func describe(_ type: Any.Type) -> Message {
        let name = String(describing: type)
        if name.contains("String") { return Message("a string", "字符串") }
        if name.contains("Int") || name.contains("Double") { return Message("a number", "数字") }
        if name.contains("Bool") { return Message("true or false", "布尔值") }
        if name.contains("Array") { return Message("an array", "数组") }
        return Message("an object", "对象")
    }
}
