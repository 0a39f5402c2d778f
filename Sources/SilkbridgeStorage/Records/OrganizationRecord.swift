import FluentKit
import Foundation
import SilkbridgeCore

final class OrganizationRecord: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "name_en") var nameEnglish: String?
    @OptionalField(key: "name_zh") var nameChinese: String?
    /// The name in lower case, for alphabetical order and cursors.
    @Field(key: "sort_name") var sortName: String
    /// Both names in lower case, for the `q` filter.
    @Field(key: "search_names") var searchNames: String
    @Field(key: "type") var type: String
    @Field(key: "country") var country: String
    @Field(key: "side") var side: String
    @OptionalField(key: "province") var province: String?
    @OptionalField(key: "city_en") var cityEnglish: String?
    @OptionalField(key: "city_zh") var cityChinese: String?
    @OptionalField(key: "website") var website: String?
    @Field(key: "size") var size: String
    /// Area codes between commas (`,5g,iot,`), so one `LIKE` finds an area on SQLite and PostgreSQL alike.
    @Field(key: "areas") var areas: String
    @OptionalField(key: "description_en") var descriptionEnglish: String?
    @OptionalField(key: "description_zh") var descriptionChinese: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ organization: Organization) {
        apply(organization)
    }

    func apply(_ organization: Organization) {
        id = organization.id
        nameEnglish = organization.name.english
        nameChinese = organization.name.chinese
        sortName = organization.name.best(for: .english).lowercased()
        searchNames = [organization.name.english, organization.name.chinese].compactMap { $0?.lowercased() }
            .joined(separator: "\n")
        type = organization.type.rawValue
        country = organization.country
        side = organization.side.rawValue
        province = organization.province
        cityEnglish = organization.city.english
        cityChinese = organization.city.chinese
        website = organization.website
        size = organization.size.rawValue
        areas = "," + organization.areas.joined(separator: ",") + ","
        descriptionEnglish = organization.description.english
        descriptionChinese = organization.description.chinese
        createdAt = organization.createdAt
        updatedAt = organization.updatedAt
    }

    var organization: Organization {
        get throws {
            try Organization(
                id: id!, name: LocalizedText(english: nameEnglish, chinese: nameChinese),
                type: OrganizationType(stored: type, column: "organizations.type"), country: country,
                province: province,
                city: LocalizedText(english: cityEnglish, chinese: cityChinese), website: website,
                size: SizeBand(stored: size, column: "organizations.size"),
                areas: areas.split(separator: ",").map(String.init),
                description: LocalizedText(english: descriptionEnglish, chinese: descriptionChinese),
                createdAt: createdAt, updatedAt: updatedAt)
        }
    }
}
