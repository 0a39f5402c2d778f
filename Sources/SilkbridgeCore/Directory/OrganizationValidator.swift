import Foundation

/// Applies an input to an organisation (a blank one when creating, where every required field must be given)
/// and checks every rule of the directory.
struct OrganizationValidator {
    static let maxNameLength = 200
    static let maxDescriptionLength = 4000
    static let maxAreas = 10

    let catalog: ReferenceCatalog

    func apply(_ input: OrganizationInput, to base: Organization, creating: Bool) throws(ValidationError)
        -> Organization
    {
        var organization = base
        var validator = Validator()
        if let name = input.name { organization.name = name.trimmed }
        if creating || input.name != nil {
            check(organization.name, field: "name", required: true, max: Self.maxNameLength, in: &validator)
        }
        if let type = input.type { organization.type = type }
        if let size = input.size { organization.size = size }
        if let city = input.city {
            organization.city = city.trimmed
            check(organization.city, field: "city", required: false, max: 100, in: &validator)
        }
        if let description = input.description {
            organization.description = description.trimmed
            check(
                organization.description, field: "description", required: false, max: Self.maxDescriptionLength,
                in: &validator)
        }
        if let website = input.website {
            organization.website = website?.trimmingCharacters(in: .whitespaces)
            if let url = organization.website, !url.isEmpty {
                if !Self.isWebAddress(url) {
                    validator.add("website", Message("must be an http or https address.", "必须是 http 或 https 网址。"))
                }
            } else {
                organization.website = nil
            }
        }
        if creating {
            for (field, given) in [("type", input.type != nil), ("size", input.size != nil)] where !given {
                validator.add(field, Message("is required.", "为必填项。"))
            }
        }
        if let areas = input.areas {
            organization.areas = areas.reduce(into: []) { kept, code in if !kept.contains(code) { kept.append(code) } }
        }
        if creating || input.areas != nil { checkAreas(organization.areas, in: &validator) }
        if let country = input.country { organization.country = country.uppercased() }
        if let province = input.province { organization.province = province?.uppercased() }
        if creating && input.country == nil {
            validator.add("country", Message("is required.", "为必填项。"))
        } else {
            checkPlace(of: &organization, in: &validator)
        }
        try validator.finish()
        return organization
    }

    private func check(_ text: LocalizedText, field: String, required: Bool, max: Int, in validator: inout Validator) {
        if required && text.isEmpty {
            validator.add(
                field, Message("is required in English or Chinese.", "需用英文或中文填写。"))
        }
        validator.checkText(text.english, field: "\(field).en", maxLength: max)
        validator.checkText(text.chinese, field: "\(field).zh-Hans", maxLength: max)
    }

    private func checkAreas(_ areas: [String], in validator: inout Validator) {
        if areas.isEmpty {
            validator.add("areas", Message("must name at least one area.", "至少选择一个领域。"))
        } else if areas.count > Self.maxAreas {
            validator.add("areas", Message("may name at most \(Self.maxAreas) areas.", "最多选择 \(Self.maxAreas) 个领域。"))
        }
        for code in areas where catalog.area(code) == nil {
            validator.add(
                "areas", Message("'\(code.prefix(40))' is not an area code.", "“\(code.prefix(40))”不是领域代码。"))
        }
    }

    private func checkPlace(of organization: inout Organization, in validator: inout Validator) {
        guard let country = catalog.country(organization.country) else {
            validator.add(
                "country", Message("is not an ISO 3166-1 alpha-2 country code.", "不是 ISO 3166-1 二位国家代码。"))
            return
        }
        guard country.side != nil else {
            validator.add(
                "country",
                Message(
                    "Silkbridge connects organisations in China and the European Union; \(country.code) is neither.",
                    "丝桥连接中国与欧盟的机构；\(country.code) 不属于两者。"))
            return
        }
        if country.code == "CN" {
            guard let province = organization.province else {
                validator.add("province", Message("is required for organisations in China.", "中国机构必须填写省份。"))
                return
            }
            if catalog.province(province) == nil {
                validator.add(
                    "province", Message("is not an ISO 3166-2:CN code such as CN-GD.", "不是 ISO 3166-2:CN 代码（如 CN-GD）。"))
            }
        } else {
            // A province only means something inside mainland China; keeping one elsewhere would mislead.
            organization.province = nil
        }
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= 300, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, host.contains(".")
        else { return false }
        return !text.contains(where: \.isWhitespace)
    }
}
