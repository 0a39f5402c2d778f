import Foundation

/// One problem with one field of an input, e.g. `name.en` is too long.
public struct FieldIssue: Sendable, Hashable {
    public let field: String
    public let message: Message

    public init(_ field: String, _ message: Message) {
        self.field = field
        self.message = message
    }
}

/// Input that breaks the rules; lists every broken rule, not just the first.
public struct ValidationError: DomainError {
    public let issues: [FieldIssue]
    public var kind: FailureKind { .invalid }
    public var message: Message {
        let first = issues.first?.message ?? Message("Invalid input.", "输入无效。")
        guard let field = issues.first?.field else { return first }
        return Message("\(field): \(first.english)", "\(field)：\(first.chinese)")
    }

    public init(_ issues: [FieldIssue]) {
        self.issues = issues
    }
}

/// Collects field issues while a use case checks its input.
public struct Validator: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func add(_ field: String, _ message: Message) {
        issues.append(FieldIssue(field, message))
    }

    public mutating func checkText(
        _ text: String?, field: String, required: Bool = false, maxLength: Int, minLength: Int = 1
    ) {
        guard let text, !text.isEmpty else {
            if required { add(field, Message("is required.", "为必填项。")) }
            return
        }
        if text.count < minLength {
            add(field, Message("must have at least \(minLength) characters.", "至少需要 \(minLength) 个字符。"))
        } else if text.count > maxLength {
            add(field, Message("must have at most \(maxLength) characters.", "最多 \(maxLength) 个字符。"))
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }
        ) {
            add(field, Message("must not contain control characters.", "不得包含控制字符。"))
        }
    }

    public func finish() throws(ValidationError) {
        if !issues.isEmpty { throw ValidationError(issues) }
    }
}
