import Foundation

/// Applies an input to an opportunity (a blank one when creating) and checks every rule of the exchange.
struct OpportunityValidator {
    static let maxTitleLength = 200
    static let maxSummaryLength = 500
    static let maxDescriptionLength = 8000
    static let maxAreas = 5

    let catalog: ReferenceCatalog

    func apply(_ input: OpportunityInput, to base: Opportunity, now: Date) throws(ValidationError) -> Opportunity {
        var opportunity = base
        var validator = Validator()
        if let type = input.type { opportunity.type = type }
        if let title = input.title { opportunity.title = title.trimmed }
        if let summary = input.summary { opportunity.summary = summary.trimmed }
        if let description = input.description { opportunity.description = description.trimmed }
        check(opportunity.title, field: "title", max: Self.maxTitleLength, in: &validator)
        check(opportunity.summary, field: "summary", max: Self.maxSummaryLength, in: &validator)
        check(opportunity.description, field: "description", max: Self.maxDescriptionLength, in: &validator)
        checkComplete(opportunity, in: &validator)

        if let areas = input.areas { opportunity.areas = Self.unique(areas) }
        if let subtopics = input.subtopics { opportunity.subtopics = Self.unique(subtopics) }
        checkAreas(opportunity, in: &validator)

        if let sides = input.targetSides { opportunity.targetSides = Self.unique(sides) }
        if let countries = input.targetCountries {
            opportunity.targetCountries = Self.unique(countries.map { $0.uppercased() })
        }
        for code in opportunity.targetCountries where catalog.country(code)?.side == nil {
            validator.add(
                "targetCountries",
                Message("'\(code.prefix(10))' is not a country in China or the EU.", "“\(code.prefix(10))”不是中国或欧盟的国家。"))
        }
        if let partnerships = input.partnershipTypes { opportunity.partnershipTypes = Self.unique(partnerships) }
        if opportunity.partnershipTypes.isEmpty {
            validator.add(
                "partnershipTypes", Message("must name at least one partnership type.", "至少选择一种合作方式。"))
        }

        if let stage = input.stage { opportunity.stage = stage }
        if let ipStatus = input.ipStatus { opportunity.ipStatus = ipStatus }
        if let amount = input.amount { opportunity.amount = amount }
        checkTypeSpecific(&opportunity, input: input, in: &validator)

        if let deadline = input.deadline {
            opportunity.deadline = deadline
            if let deadline, deadline <= now {
                validator.add("deadline", Message("must be in the future.", "必须是将来的日期。"))
            }
        }
        try validator.finish()
        return opportunity
    }

    private func check(_ text: LocalizedText, field: String, max: Int, in validator: inout Validator) {
        validator.checkText(text.english, field: "\(field).en", maxLength: max)
        validator.checkText(text.chinese, field: "\(field).zh-Hans", maxLength: max)
    }

    /// At least one language must be complete: a title and a summary written in it.
    private func checkComplete(_ opportunity: Opportunity, in validator: inout Validator) {
        let english = opportunity.title.english != nil && opportunity.summary.english != nil
        let chinese = opportunity.title.chinese != nil && opportunity.summary.chinese != nil
        guard !english && !chinese else { return }
        if opportunity.title.isEmpty {
            validator.add("title", Message("is required in English or Chinese.", "需用英文或中文填写。"))
        }
        validator.add(
            "summary",
            Message(
                "is required in the same language as the title (English or Chinese).",
                "需使用与标题相同的语言（英文或中文）填写。"))
    }

    private func checkAreas(_ opportunity: Opportunity, in validator: inout Validator) {
        if opportunity.areas.isEmpty {
            validator.add("areas", Message("must name at least one area.", "至少选择一个领域。"))
        } else if opportunity.areas.count > Self.maxAreas {
            validator.add("areas", Message("may name at most \(Self.maxAreas) areas.", "最多选择 \(Self.maxAreas) 个领域。"))
        }
        for code in opportunity.areas where catalog.area(code) == nil {
            validator.add("areas", Message("'\(code.prefix(40))' is not an area code.", "“\(code.prefix(40))”不是领域代码。"))
        }
        let allowed = Set(opportunity.areas.compactMap(catalog.area).flatMap { $0.subtopics.map(\.code) })
        for code in opportunity.subtopics where !allowed.contains(code) {
            validator.add(
                "subtopics",
                Message(
                    "'\(code.prefix(60))' is not a sub-topic of the areas chosen.", "“\(code.prefix(60))”不是所选领域的子主题。"))
        }
    }

    private func checkTypeSpecific(
        _ opportunity: inout Opportunity, input: OpportunityInput, in validator: inout Validator
    ) {
        if !opportunity.type.isTechnology {
            if input.stage != nil, opportunity.stage != nil {
                validator.add("stage", Message("applies only to technology offers and requests.", "仅适用于技术提供和技术需求。"))
            }
            if input.ipStatus != nil, opportunity.ipStatus != nil {
                validator.add("ipStatus", Message("applies only to technology offers and requests.", "仅适用于技术提供和技术需求。"))
            }
            opportunity.stage = nil
            opportunity.ipStatus = nil
        }
        if !opportunity.type.isInvestment {
            if input.amount != nil, opportunity.amount != nil {
                validator.add("amount", Message("applies only to investment opportunities.", "仅适用于投资类合作机会。"))
            }
            opportunity.amount = nil
        } else if let amount = opportunity.amount {
            if let minimum = amount.minimum, minimum < 0 {
                validator.add("amount.minimum", Message("must not be negative.", "不得为负数。"))
            }
            if let minimum = amount.minimum, let maximum = amount.maximum, minimum > maximum {
                validator.add("amount.maximum", Message("must not be below the minimum.", "不得低于最低金额。"))
            }
        }
    }

    static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}
