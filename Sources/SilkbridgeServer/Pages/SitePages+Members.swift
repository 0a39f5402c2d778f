import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    func addMemberRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(SitePaths.members) { request, context in
            if let login = requireLogin(request, context) { return login }
            return try await membersPage(request, context, form: nil, errors: nil)
        }
        router.post(SitePaths.members) { request, context in
            let account = try context.requireAccount()
            let id = try pathID(context)
            let form = try await FormData(request: request, context: context)
            do {
                _ = try await directory.addMember(
                    email: form["email"] ?? "", role: try form.choice("role"), to: id,
                    by: account, accounts: accountRepository)
            } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
                return try await membersPage(
                    request, context, form: form, errors: FormErrors(error, language: context.language))
            }
            return PageRenderer.redirect(to: SitePaths.members(id))
        }
        router.post(SitePaths.memberRole) { request, context in
            let account = try context.requireAccount()
            let (id, memberId) = (
                try pathID(context), try pathID(context, "member", missing: DirectoryError.memberNotFound)
            )
            let form = try await FormData(request: request, context: context)
            _ = try await directory.changeRole(of: memberId, to: try form.choice("role"), in: id, by: account)
            return PageRenderer.redirect(to: SitePaths.members(id))
        }
        router.post(SitePaths.removeMember) { request, context in
            let account = try context.requireAccount()
            let (id, memberId) = (
                try pathID(context), try pathID(context, "member", missing: DirectoryError.memberNotFound)
            )
            try await directory.removeMember(memberId, from: id, by: account)
            return PageRenderer.redirect(to: SitePaths.members(id))
        }
        router.post(SitePaths.memberSignatory) { request, context in
            let account = try context.requireAccount()
            let (id, memberId) = (
                try pathID(context), try pathID(context, "member", missing: DirectoryError.memberNotFound)
            )
            let form = try await FormData(request: request, context: context)
            _ = try await agreements.setSignatory(memberId, of: id, granted: form["granted"] == "true", by: account)
            return PageRenderer.redirect(to: SitePaths.members(id))
        }
    }

    private func membersPage(
        _ request: Request, _ context: AppRequestContext, form: FormData?, errors: FormErrors?
    ) async throws -> Response {
        let account = try context.requireAccount()
        let id = try pathID(context)
        let language = context.language
        let organization = try await directory.organization(id: id)
        let members = try await directory.members(of: id, by: account)
        let myRole = members.first { $0.accountId == account.id }?.role ?? .member
        let trail = try await directory.auditTrail(of: id, by: account, page: try Paging(limit: 20))
        let signatories = Set(try await agreements.signatories(of: id, by: account).map(\.id))
        let invite = PageForm(
            title: text("member_add", context), action: SitePaths.members(id), submit: text("member_add", context),
            groups: [
                FormGroup(
                    sideBySide: true,
                    fields: [
                        FormField(
                            name: "email", label: text("field_email", context), kind: .email,
                            value: form?["email"] ?? "", required: true),
                        FormField(
                            name: "role", label: text("field_role", context), kind: .select,
                            options: options(
                                Role.allCases.filter { $0 <= myRole }, selected: [form?["role"] ?? "member"],
                                label: \.label, language), blank: false),
                    ])
            ])
        let view = MembersPage(
            organization: OrganizationView(organization, catalog: catalog, language: language),
            canManage: myRole.managesMembers, webhooksLink: SitePaths.webhooks(id),
            inviteForm: myRole.managesMembers ? invite.view(errors: errors) : nil,
            members: members.map { member in
                MembersPage.Member(
                    name: member.displayName ?? "", email: member.email,
                    role: member.role.label.text(in: language), pending: member.isPending,
                    isMe: member.accountId == account.id,
                    roles: options(
                        Role.allCases.filter { $0 <= myRole }, selected: [member.role.rawValue], label: \.label,
                        language),
                    roleAction: SitePaths.memberRole(id, member.id),
                    removeAction: SitePaths.removeMember(id, member.id),
                    isSignatory: signatories.contains(member.id), canGrant: myRole == .owner && !member.isPending,
                    signatoryAction: SitePaths.memberSignatory(id, member.id))
            },
            audit: trail.items.map {
                MembersPage.AuditEntry(
                    at: $0.at.formatted(.iso8601), actor: $0.actorName, action: $0.action, detail: $0.detail)
            })
        return renderer.render(
            "members", title: text("members_title", context), view: Merged(view, errors),
            request: request, context: context,
            status: errors == nil ? .ok : .badRequest)
    }
}

struct MembersPage {
    struct Member {
        let name: String
        let email: String
        let role: String
        let pending: Bool
        let isMe: Bool
        let roles: [Option]
        let roleAction: String
        let removeAction: String
        let isSignatory: Bool
        let canGrant: Bool
        let signatoryAction: String
    }

    struct AuditEntry {
        let at: String
        let actor: String
        let action: String
        let detail: String
    }

    let organization: OrganizationView
    let canManage: Bool
    let webhooksLink: String
    let inviteForm: PageForm.View?
    let members: [Member]
    let audit: [AuditEntry]
}
