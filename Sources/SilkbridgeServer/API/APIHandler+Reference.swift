import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// Reference data: areas, countries and provinces.
protocol ReferenceAPI: FeatureAPI {
    var catalog: ReferenceCatalog { get }
}

extension ReferenceAPI {
    func listAreas(_ input: Operations.ListAreas.Input) async throws -> Operations.ListAreas.Output {
        let areas = catalog.areas.compactMap { area in
            Components.Schemas.AreaCode(rawValue: area.code).map { code in
                Components.Schemas.Area(
                    code: code, label: .init(area.label),
                    subtopics: area.subtopics.map { .init(code: $0.code, label: .init($0.label)) })
            }
        }
        return .ok(.init(body: .json(.init(items: areas))))
    }

    func listCountries(_ input: Operations.ListCountries.Input) async throws -> Operations.ListCountries.Output {
        let countries = input.query.participating == true ? catalog.participatingCountries : catalog.countries
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: countries.map {
                            .init(
                                code: $0.code, name: .init($0.name),
                                side: $0.side.flatMap { Components.Schemas.Side(rawValue: $0.rawValue) })
                        },
                        provinces: catalog.provinces.map { .init(code: $0.code, name: .init($0.name)) }))))
    }
}
