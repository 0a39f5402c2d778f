import Foundation
import SilkbridgeAPI
import SilkbridgeCore

// Conversions between the generated wire types and the domain's values, kept out of the handlers.

/// A value one side of a wire ↔ domain mapping has and the other lacks: the contract and the domain drifted
/// apart. It is a server fault naming the type and the value, never a silent default; `EnumMappingTests` checks
/// every case of every mapped pair both ways.
struct UnmappedValue: Error, CustomStringConvertible {
    let type: String
    let value: String

    var description: String { "\(type) has no case \"\(value)\"" }
}

extension RawRepresentable where RawValue == String {
    /// The case spelt like `other`: wire and domain enums share their raw values.
    init<Other: RawRepresentable>(mapping other: Other) throws where Other.RawValue == String {
        try self.init(mapping: other.rawValue)
    }

    /// The case spelt `code`, for codes the domain keeps as text (areas, search types).
    init(mapping code: String) throws {
        guard let value = Self(rawValue: code) else { throw UnmappedValue(type: "\(Self.self)", value: code) }
        self = value
    }
}

extension Components.Schemas.LocalizedText {
    init(_ text: LocalizedText) {
        self.init(en: text.english, zhHans: text.chinese)
    }

    var domain: LocalizedText { LocalizedText(english: en, chinese: zhHans) }
}

extension Components.Schemas.Account {
    init(_ account: Account) throws {
        self.init(
            id: account.id.uuidString.lowercased(), email: account.email, emailVerified: account.emailVerified,
            displayName: account.displayName,
            preferredLanguage: try Components.Schemas.Language(mapping: account.preferredLanguage),
            createdAt: account.createdAt)
    }
}

extension Components.Schemas.Token {
    init(_ token: AccessToken) {
        self.init(
            id: token.id.uuidString.lowercased(), name: token.name, createdAt: token.createdAt,
            expiresAt: token.expiresAt)
    }
}

extension Components.Schemas.Role {
    init(_ role: SilkbridgeCore.Role) throws {
        self = try Components.Schemas.Role(mapping: role)
    }
}

extension SilkbridgeCore.Role {
    init(_ role: Components.Schemas.Role) throws {
        self = try SilkbridgeCore.Role(mapping: role)
    }
}

extension Components.Schemas.Organization {
    init(_ organization: Organization) throws {
        self.init(
            id: organization.id.uuidString.lowercased(), name: .init(organization.name),
            _type: try Components.Schemas.OrganizationType(mapping: organization.type),
            side: try Components.Schemas.Side(mapping: organization.side), country: organization.country,
            province: organization.province, city: .init(organization.city), website: organization.website,
            size: try Components.Schemas.SizeBand(mapping: organization.size),
            areas: try organization.areas.map { try Components.Schemas.AreaCode(mapping: $0) },
            description: .init(organization.description), createdAt: organization.createdAt,
            updatedAt: organization.updatedAt)
    }
}

extension OrganizationInput {
    init(_ body: Components.Schemas.OrganizationCreate) {
        self.init(
            name: body.name.domain, type: OrganizationType(rawValue: body._type.rawValue), country: body.country,
            province: .some(body.province), city: body.city?.domain, website: .some(body.website),
            size: SizeBand(rawValue: body.size.rawValue), areas: body.areas.map(\.rawValue),
            description: body.description?.domain)
    }

    init(_ body: Components.Schemas.OrganizationUpdate) {
        self.init(
            name: body.name?.domain, type: body._type.flatMap { OrganizationType(rawValue: $0.rawValue) },
            country: body.country, province: body.province.map { .some($0) }, city: body.city?.domain,
            website: body.website.map { .some($0) }, size: body.size.flatMap { SizeBand(rawValue: $0.rawValue) },
            areas: body.areas?.map(\.rawValue), description: body.description?.domain)
    }
}

extension Components.Schemas.Member {
    init(_ membership: Membership) throws {
        self.init(
            id: membership.id.uuidString.lowercased(), accountId: membership.accountId?.uuidString.lowercased(),
            email: membership.email, displayName: membership.displayName, role: try .init(membership.role),
            pending: membership.isPending, createdAt: membership.createdAt)
    }
}

extension Components.Schemas.AuditEvent {
    init(_ event: SilkbridgeCore.AuditEvent) {
        self.init(
            id: event.id.uuidString.lowercased(), actorId: event.actorId.uuidString.lowercased(),
            actorName: event.actorName, action: event.action, detail: event.detail, at: event.at)
    }
}
