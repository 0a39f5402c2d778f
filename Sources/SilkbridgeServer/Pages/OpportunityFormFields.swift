import Foundation
import SilkbridgeCore

/// Reads the opportunity form into an input, and refuses what a form cannot express as a value (a sum that is
/// not a whole number, a date that is not a date) with the same field names the validator uses.
struct OpportunityFormFields {
    let input: OpportunityInput
    let issues: [FieldIssue]

    init(_ form: FormData) {
        var validator = Validator()
        func choice<T: RawRepresentable<String>>(_ name: String, _: T.Type) -> T? {
            guard let text = form.text(name) else { return nil }
            guard let value = T(rawValue: text) else {
                validator.add(name, Message("is not one of the choices.", "不是可选项之一。"))
                return nil
            }
            return value
        }
        func amount(_ name: String) -> Int? {
            guard let text = form.text(name)?.replacingOccurrences(of: ",", with: "") else { return nil }
            guard let value = Int(text) else {
                validator.add("amount.\(name)", Message("must be a whole number.", "必须是整数。"))
                return nil
            }
            return value
        }
        let minimum = amount("minimum")
        let maximum = amount("maximum")
        let currency = choice("currency", Currency.self) ?? .euro
        var deadline: Date?
        if let text = form.text("deadline") {
            deadline = Self.endOfDay(text)
            if deadline == nil { validator.add("deadline", Message("must be a date.", "必须是日期。")) }
        }
        input = OpportunityInput(
            type: form.text("type").flatMap(OpportunityType.init), title: form.localized("title"),
            summary: form.localized("summary"), description: form.localized("description"),
            areas: form.all("areas"), subtopics: form.all("subtopics"),
            targetSides: form.all("targetSides").compactMap(Side.init), targetCountries: form.all("targetCountries"),
            partnershipTypes: form.all("partnershipTypes").compactMap(PartnershipType.init),
            stage: .some(choice("stage", DevelopmentStage.self)), ipStatus: .some(choice("ipStatus", IPStatus.self)),
            amount: .some(
                minimum == nil && maximum == nil
                    ? nil : AmountRange(minimum: minimum, maximum: maximum, currency: currency)
            ),
            deadline: .some(deadline))
        issues = validator.issues
    }

    /// The form as it shows a stored opportunity, for editing.
    static func form(showing opportunity: Opportunity) -> FormData {
        var fields: [(name: String, value: String)] = [("type", opportunity.type.rawValue)]
        for (name, text) in [
            ("title", opportunity.title), ("summary", opportunity.summary), ("description", opportunity.description),
        ] {
            fields += [("\(name)_en", text.english ?? ""), ("\(name)_zh", text.chinese ?? "")]
        }
        fields += opportunity.areas.map { ("areas", $0) } + opportunity.subtopics.map { ("subtopics", $0) }
        fields += opportunity.targetSides.map { ("targetSides", $0.rawValue) }
        fields += opportunity.targetCountries.map { ("targetCountries", $0) }
        fields += opportunity.partnershipTypes.map { ("partnershipTypes", $0.rawValue) }
        fields += [("stage", opportunity.stage?.rawValue ?? ""), ("ipStatus", opportunity.ipStatus?.rawValue ?? "")]
        if let amount = opportunity.amount {
            fields += [
                ("minimum", amount.minimum.map(String.init) ?? ""), ("maximum", amount.maximum.map(String.init) ?? ""),
                ("currency", amount.currency.rawValue),
            ]
        }
        fields.append(("deadline", opportunity.deadline.map(OpportunityView.day) ?? ""))
        return FormData(fields: fields)
    }

    /// A date picker gives a day; the deadline is the end of that day in UTC, so that today is still accepted.
    static func endOfDay(_ text: String) -> Date? {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd"
        return parser.date(from: text).map { $0.addingTimeInterval(24 * 3600 - 1) }
    }
}
