import Foundation
import SilkbridgeCore

/// An organisation as a page shows it, every label already in the page's language.
struct OrganizationView {
    let id: String
    let link: String
    let name: String
    /// The name in the other language, when the organisation has one.
    let otherName: String?
    let type: String
    let side: String
    let sideCode: String
    let place: String
    let website: String?
    let size: String
    let areas: [String]
    let description: String?

    init(_ organization: Organization, catalog: ReferenceCatalog, language: Language) {
        id = organization.id.uuidString.lowercased()
        link = SitePaths.organization(organization.id)
        name = organization.name.best(for: language)
        let other = organization.name[language == .english ? .simplifiedChinese : .english]
        otherName = other == name ? nil : other
        type = organization.type.label.text(in: language)
        side = organization.side.label.text(in: language)
        sideCode = organization.side.rawValue
        let country = catalog.country(organization.country)?.name.best(for: language) ?? organization.country
        let province = organization.province.flatMap { catalog.province($0)?.name.best(for: language) }
        let city = organization.city.isEmpty ? nil : organization.city.best(for: language)
        place = [city, province, country].compactMap { $0 }.joined(separator: language == .english ? ", " : "，")
        website = organization.website
        size = organization.size.label.text(in: language)
        areas = organization.areas.map { catalog.area($0)?.label.best(for: language) ?? $0 }
        description = organization.description.isEmpty ? nil : organization.description.best(for: language)
    }
}

/// One choice of a `<select>` or a checkbox list.
struct Option {
    let value: String
    let label: String
    let selected: Bool
}
