import Foundation

/// The shared vocabulary: areas, countries and provinces, looked up by code.
public struct ReferenceCatalog: Sendable {
    /// The 27 member states, as ISO 3166-1 codes (Greece is `GR`, which the EU itself writes `EL`).
    public static let europeanUnion: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "HU",
    ]
    /// Countries whose organisations join on the Chinese side.
    public static let chineseSide: Set<String> = ["CN", "HK", "MO"]

    public let areas: [Area]
    public let countries: [Country]
    public let provinces: [Province]
    private let areasByCode: [String: Area]
    private let countriesByCode: [String: Country]
    private let provincesByCode: [String: Province]

    public init(areas: [Area], countries: [Country], provinces: [Province]) {
        self.areas = areas
        self.countries = countries
        self.provinces = provinces
        areasByCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        countriesByCode = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        provincesByCode = Dictionary(provinces.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func side(ofCountry code: String) -> Side? {
        if europeanUnion.contains(code) { return .europe }
        if chineseSide.contains(code) { return .china }
        return nil
    }

    public func area(_ code: String) -> Area? { areasByCode[code] }
    public func country(_ code: String) -> Country? { countriesByCode[code] }
    public func province(_ code: String) -> Province? { provincesByCode[code] }

    /// The countries an organisation may register in, those with a side.
    public var participatingCountries: [Country] { countries.filter { $0.side != nil } }
}
