import SilkbridgeAPI
import SilkbridgeCore
import Testing

@testable import SilkbridgeServer

/// The API's enums and the domain's share their raw values; a case one side lacks would make `init(mapping:)`
/// fail at run time, so every case of every mapped pair is checked here, both ways.
@Suite struct EnumMappingTests {
    @Test func everyDomainCaseHasItsWireCaseAndBack() throws {
        try bothWays(Side.self, Components.Schemas.Side.self)
        try bothWays(Language.self, Components.Schemas.Language.self)
        try bothWays(Role.self, Components.Schemas.Role.self)
        try bothWays(OrganizationType.self, Components.Schemas.OrganizationType.self)
        try bothWays(SizeBand.self, Components.Schemas.SizeBand.self)
        try bothWays(OpportunityType.self, Components.Schemas.OpportunityType.self)
        try bothWays(OpportunityStatus.self, Components.Schemas.OpportunityStatus.self)
        try bothWays(PartnershipType.self, Components.Schemas.PartnershipType.self)
        try bothWays(DevelopmentStage.self, Components.Schemas.DevelopmentStage.self)
        try bothWays(IPStatus.self, Components.Schemas.IPStatus.self)
        try bothWays(Currency.self, Components.Schemas.AmountRange.CurrencyPayload.self)
        try bothWays(InterestStatus.self, Components.Schemas.InterestStatus.self)
        try bothWays(PipelineStage.self, Components.Schemas.PipelineStage.self)
        try bothWays(SearchKind.self, Components.Schemas.SearchHit.KindPayload.self)
        try bothWays(AgreementKind.self, Components.Schemas.AgreementKind.self)
        try bothWays(AgreementStatus.self, Components.Schemas.AgreementStatus.self)
        try bothWays(AgreementVisibility.self, Components.Schemas.AgreementVisibility.self)
        try bothWays(ProjectStage.self, Components.Schemas.ProjectStage.self)
        try bothWays(ContributorStatus.self, Components.Schemas.FundContributor.StatusPayload.self)
        try bothWays(EventKind.self, Components.Schemas.EventKind.self)
        try bothWays(RegistrationStatus.self, Components.Schemas.RegistrationStatus.self)
        try bothWays(MeetingRequestStatus.self, Components.Schemas.MeetingRequestStatus.self)
        try bothWays(MeetingOutcome.self, Components.Schemas.MeetingOutcome.self)
        try bothWays(OutcomePhase.self, Components.Schemas.OutcomePhase.self)
        try bothWays(NoticeKind.self, Components.Schemas.NoticeKind.self)
        try bothWays(NoticeMailing.self, Components.Schemas.NoticeMailing.self)
        try bothWays(DeliveryState.self, Components.Schemas.WebhookDelivery.StatePayload.self)
    }

    @Test func everyAreaOfTheCatalogIsAnAreaCode() throws {
        let codes = try ReferenceDataLoader.load().areas.map(\.code)
        #expect(Set(codes) == Set(Components.Schemas.AreaCode.allCases.map(\.rawValue)))
    }

    @Test func aMissingCaseIsAnErrorNamingTypeAndValue() {
        #expect(throws: UnmappedValue.self) { try Components.Schemas.Side(mapping: "europe") }
        #expect(UnmappedValue(type: "Side", value: "europe").description == #"Side has no case "europe""#)
    }

    private func bothWays<Domain: CaseIterable & RawRepresentable, Wire: CaseIterable & RawRepresentable>(
        _: Domain.Type, _: Wire.Type
    ) throws where Domain.RawValue == String, Wire.RawValue == String {
        for value in Domain.allCases { #expect(try Domain(mapping: Wire(mapping: value)) == value) }
        for value in Wire.allCases { #expect(try Wire(mapping: Domain(mapping: value)) == value) }
    }
}
