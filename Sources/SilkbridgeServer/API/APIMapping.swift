import Foundation
import SilkbridgeAPI
import SilkbridgeCore

// Conversions between the generated wire types and the domain's values, kept out of the handlers.

extension Components.Schemas.LocalizedText {
    init(_ text: LocalizedText) {
        self.init(en: text.english, zhHans: text.chinese)
    }

    var domain: LocalizedText { LocalizedText(english: en, chinese: zhHans) }
}

extension Components.Schemas.Account {
    init(_ account: Account) {
        self.init(
            id: account.id.uuidString.lowercased(), email: account.email, displayName: account.displayName,
            preferredLanguage: Components.Schemas.Language(rawValue: account.preferredLanguage.rawValue) ?? .en,
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
    init(_ role: SilkbridgeCore.Role) {
        self = Components.Schemas.Role(rawValue: role.rawValue) ?? .member
    }
}

extension SilkbridgeCore.Role {
    init(_ role: Components.Schemas.Role) {
        self = SilkbridgeCore.Role(rawValue: role.rawValue) ?? .member
    }
}

extension Components.Schemas.Organization {
    init(_ organization: Organization) {
        self.init(
            id: organization.id.uuidString.lowercased(), name: .init(organization.name),
            _type: Components.Schemas.OrganizationType(rawValue: organization.type.rawValue) ?? .company,
            side: Components.Schemas.Side(rawValue: organization.side.rawValue) ?? .eu, country: organization.country,
            province: organization.province, city: .init(organization.city), website: organization.website,
            size: Components.Schemas.SizeBand(rawValue: organization.size.rawValue) ?? .small,
            areas: organization.areas.compactMap(Components.Schemas.AreaCode.init(rawValue:)),
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
    init(_ membership: Membership) {
        self.init(
            id: membership.id.uuidString.lowercased(), accountId: membership.accountId?.uuidString.lowercased(),
            email: membership.email, displayName: membership.displayName, role: .init(membership.role),
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
