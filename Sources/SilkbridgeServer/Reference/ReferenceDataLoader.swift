import Foundation
import SilkbridgeCore
import SwiftCSV

/// Reads the shipped reference data: areas (our own), countries and Chinese provinces (ISO 3166, see NOTICE.md).
enum ReferenceDataLoader {
    static func load() throws -> ReferenceCatalog {
        let areas = try JSONDecoder().decode([Area].self, from: Data(contentsOf: try file("areas.json")))
        let countries = try CSV<Named>(url: try file("countries_iso3166_zh_eu.csv")).rows.compactMap { row in
            row["alpha2"].map { code in
                Country(
                    code: code,
                    name: LocalizedText(
                        english: row["name_en_cldr"].flatMap { $0.isEmpty ? nil : $0 } ?? row["name_iso_en"],
                        chinese: row["name_zh_hans_cldr"]),
                    side: ReferenceCatalog.side(ofCountry: code))
            }
        }
        let provinces = try CSV<Named>(url: try file("cn_subdivisions_iso3166_2.csv")).rows.compactMap { row in
            row["code"].map { code in
                Province(code: code, name: LocalizedText(english: row["name_iso"], chinese: row["name_zh"]))
            }
        }
        return ReferenceCatalog(areas: areas, countries: countries, provinces: provinces)
    }

    private static func file(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/Reference")
        else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return url
    }
}
