import Foundation

/// Applies a drafting input to the previous content (none when creating) and checks every rule.
struct AgreementValidator {
    static let maxTitleLength = 200
    static let maxTextLength = 100_000
    static let maxAreas = 5
    static let maxAttachments = 20
    static let maxTermMonths = 600
    static let maxParties = 10

    let catalog: ReferenceCatalog

    func apply(_ input: AgreementContentInput, to base: AgreementContent?) throws(ValidationError) -> AgreementContent {
        var validator = Validator()
        let title = (input.title ?? base?.title ?? LocalizedText()).trimmed
        let text = (input.text ?? base?.text ?? LocalizedText()).trimmed
        for (field, value, max) in [("title", title, Self.maxTitleLength), ("text", text, Self.maxTextLength)] {
            if value.isEmpty {
                validator.add(field, Message("is required in English or Chinese.", "需用英文或中文填写。"))
            }
            validator.checkText(value.english, field: "\(field).en", maxLength: max)
            validator.checkText(value.chinese, field: "\(field).zh-Hans", maxLength: max)
        }
        let areas = Self.unique(input.areas ?? base?.areas ?? [])
        if areas.count > Self.maxAreas {
            validator.add("areas", Message("may name at most \(Self.maxAreas) areas.", "最多选择 \(Self.maxAreas) 个领域。"))
        }
        for code in areas where catalog.area(code) == nil {
            validator.add("areas", Message("'\(code.prefix(40))' is not an area code.", "“\(code.prefix(40))”不是领域代码。"))
        }
        let start = input.termStart ?? base?.term.start
        let months = input.termMonths ?? base?.term.durationMonths
        if start == nil { validator.add("termStart", Message("is required.", "为必填项。")) }
        if let months, !(1...Self.maxTermMonths).contains(months) {
            validator.add(
                "termMonths",
                Message("must be between 1 and \(Self.maxTermMonths).", "必须在 1 到 \(Self.maxTermMonths) 之间。"))
        } else if months == nil {
            validator.add("termMonths", Message("is required.", "为必填项。"))
        }
        let prevailing = prevailingLanguage(input, base: base, text: text, in: &validator)
        let attachments = input.attachments ?? base?.attachments ?? []
        check(attachments, in: &validator)
        try validator.finish()
        return AgreementContent(
            title: title, areas: areas, term: AgreementTerm(start: start!, durationMonths: months!),
            prevailingLanguage: prevailing, text: text, attachments: attachments)
    }

    /// With both languages written one must prevail; with one, it is that one.
    private func prevailingLanguage(
        _ input: AgreementContentInput, base: AgreementContent?, text: LocalizedText, in validator: inout Validator
    ) -> Language? {
        let written = Language.allCases.filter { text[$0] != nil }
        guard written.count == 2 else { return written.first }
        guard let chosen = input.prevailingLanguage ?? base?.prevailingLanguage else {
            validator.add(
                "prevailingLanguage",
                Message("is required when the text is written in both languages.", "文本使用两种语言时为必填项。"))
            return nil
        }
        return chosen
    }

    private func check(_ attachments: [AgreementAttachment], in validator: inout Validator) {
        if attachments.count > Self.maxAttachments {
            validator.add(
                "attachments",
                Message("may list at most \(Self.maxAttachments) files.", "最多列出 \(Self.maxAttachments) 个文件。"))
        }
        for (index, attachment) in attachments.enumerated() {
            validator.checkText(attachment.name, field: "attachments[\(index)].name", required: true, maxLength: 200)
            let hex = attachment.sha256
            if hex.count != 64 || !hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
                validator.add(
                    "attachments[\(index)].sha256",
                    Message("must be 64 lowercase hexadecimal digits.", "必须是 64 位小写十六进制数字。"))
            }
        }
    }

    static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}
