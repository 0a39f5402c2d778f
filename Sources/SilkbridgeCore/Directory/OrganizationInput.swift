import Foundation

/// The fields of an organisation as a form or an API request gives them; `nil` means "not given".
public struct OrganizationInput: Sendable, Hashable {
    public var name: LocalizedText?
    public var type: OrganizationType?
    public var country: String?
    public var province: String??
    public var city: LocalizedText?
    public var website: String??
    public var size: SizeBand?
    public var areas: [String]?
    public var description: LocalizedText?

    public init(
        name: LocalizedText? = nil, type: OrganizationType? = nil, country: String? = nil,
        province: String?? = nil, city: LocalizedText? = nil, website: String?? = nil, size: SizeBand? = nil,
        areas: [String]? = nil, description: LocalizedText? = nil
    ) {
        self.name = name
        self.type = type
        self.country = country
        self.province = province
        self.city = city
        self.website = website
        self.size = size
        self.areas = areas
        self.description = description
    }
}
