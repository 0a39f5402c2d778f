import Foundation
import Testing

@testable import SilkbridgeCore

@Suite struct OrganizationValidatorTests {
    static let catalog = ReferenceCatalog(
        areas: [
            Area(code: "5g", label: LocalizedText(english: "5G", chinese: "5G"), subtopics: []),
            Area(code: "smart-energy", label: LocalizedText(english: "Smart energy", chinese: "智慧能源"), subtopics: []),
        ],
        countries: [
            Country(code: "DE", name: LocalizedText(english: "Germany", chinese: "德国"), side: .europe),
            Country(code: "CN", name: LocalizedText(english: "China", chinese: "中国"), side: .china),
            Country(code: "US", name: LocalizedText(english: "United States", chinese: "美国"), side: nil),
        ],
        provinces: [Province(code: "CN-GD", name: LocalizedText(english: "Guangdong", chinese: "广东省"))])

    static let valid = OrganizationInput(
        name: LocalizedText(english: "Isar Energy", chinese: nil), type: .startup, country: "DE", size: .micro,
        areas: ["smart-energy"])

    static let blank = Organization(
        id: UUID(), name: LocalizedText(), type: .company, country: "", province: nil, city: LocalizedText(),
        website: nil, size: .small, areas: [], description: LocalizedText(), createdAt: Date(), updatedAt: Date())

    func apply(_ input: OrganizationInput) throws(ValidationError) -> Organization {
        try OrganizationValidator(catalog: Self.catalog).apply(input, to: Self.blank, creating: true)
    }

    @Test func acceptsAValidOrganisationAndDerivesItsSide() throws {
        let organization = try apply(Self.valid)
        #expect(organization.side == .europe)
        #expect(organization.province == nil)
    }

    @Test(
        arguments: [
            ("name", { @Sendable (input: inout OrganizationInput) in input.name = LocalizedText(english: " ") }),
            ("name.en", { $0.name = LocalizedText(english: String(repeating: "x", count: 201)) }),
            ("name.zh-Hans", { $0.name = LocalizedText(english: "ok", chinese: "坏\u{0}名") }),
            ("country", { $0.country = "XX" }),
            ("country", { $0.country = "US" }),
            ("province", { $0.country = "CN" }),
            (
                "province",
                {
                    $0.country = "CN"; $0.province = .some("CN-ZZ")
                }
            ),
            ("areas", { $0.areas = [] }),
            ("areas", { $0.areas = ["quantum"] }),
            ("website", { $0.website = .some("ftp://example.com") }),
            ("website", { $0.website = .some("not a url") }),
            ("description.en", { $0.description = LocalizedText(english: String(repeating: "d", count: 4001)) }),
        ] as [(String, @Sendable (inout OrganizationInput) -> Void)])
    func rejectsInputThatBreaksARule(field: String, change: @Sendable (inout OrganizationInput) -> Void) {
        var input = Self.valid
        change(&input)
        expectIssue(at: field) { try apply(input) }
    }

    @Test func chineseOrganisationsNeedAndKeepTheirProvince() throws {
        var input = Self.valid
        input.country = "cn"
        input.province = .some("cn-gd")
        let organization = try apply(input)
        #expect(organization.country == "CN")
        #expect(organization.province == "CN-GD")
        #expect(organization.side == .china)
    }

    @Test func reportsEveryBrokenRuleAtOnce() {
        var input = Self.valid
        input.country = "XX"
        input.areas = []
        #expect {
            try apply(input)
        } throws: { error in
            Set((error as? ValidationError)?.issues.map(\.field) ?? []) == ["country", "areas"]
        }
    }

    @Test func creatingNeedsEveryRequiredField() {
        #expect {
            try apply(OrganizationInput())
        } throws: { error in
            Set((error as? ValidationError)?.issues.map(\.field) ?? []) == ["name", "type", "size", "country", "areas"]
        }
    }

    @Test func messagesExistInBothLanguages() throws {
        var input = Self.valid
        input.areas = ["quantum"]
        do {
            _ = try apply(input)
            Issue.record("expected a validation error")
        } catch {
            let message = try #require(error.issues.first).message
            #expect(message.english.contains("quantum"))
            #expect(message.chinese.contains("领域"))
        }
    }
}
