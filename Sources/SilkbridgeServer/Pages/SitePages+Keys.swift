import Foundation
import Hummingbird
import SilkbridgeCore

extension SitePages {
    func addKeyRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post(SitePaths.keys) { request, context in
            let account = try context.requireAccount()
            let id = try pathID(context)
            let form = try await FormData(request: request, context: context)
            do {
                _ = try await organizationKeys.register(
                    publicKey: form["publicKey"] ?? "", name: form.text("name"), for: id, by: account)
            } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
                return try await organizationPage(
                    request, context, keyForm: form,
                    keyErrors: FormErrors(error, language: context.language))
            }
            return PageRenderer.redirect(to: SitePaths.organization(id) + "#keys")
        }
        router.post(SitePaths.revokeKey) { request, context in
            let account = try context.requireAccount()
            let (id, keyId) = (try pathID(context), try pathID(context, "key", missing: KeyError.keyNotFound))
            _ = try await organizationKeys.revoke(keyId, of: id, by: account)
            return PageRenderer.redirect(to: SitePaths.organization(id) + "#keys")
        }
    }

    /// The keys section of an organisation page: every key with its ledger entries, and for members the forms.
    func keysView(
        of id: UUID, canManage: Bool, form: FormData?, errors: FormErrors?, _ context: AppRequestContext
    ) async throws -> Merged<KeysView, FormErrors> {
        let keys = try await organizationKeys.keys(of: id)
        let keyForm = PageForm(
            title: text("keys_add", context), action: SitePaths.keys(id), submit: text("keys_add", context),
            groups: [
                FormGroup(fields: [
                    FormField(
                        name: "publicKey", label: text("keys_public_key", context), kind: .textarea,
                        value: form?["publicKey"] ?? "", required: true, rows: 2),
                    FormField(
                        name: "name", label: text("keys_name", context), value: form?["name"] ?? "", maxLength: 100),
                ])
            ])
        let view = KeysView(
            canManage: canManage,
            items: keys.reversed().map { key in
                KeysView.Key(
                    name: key.name, keyID: key.keyID, verifierKey: key.verifierKey,
                    created: Self.dateText(key.createdAt), revoked: key.isRevoked,
                    revokedAt: key.revokedAt.map(Self.dateText) ?? "",
                    registrationLink: SitePaths.verifyLedgerEntry(key.registrationIndex),
                    registrationIndex: String(key.registrationIndex),
                    revocationLink: key.revocationIndex.map(SitePaths.verifyLedgerEntry) ?? "",
                    revocationIndex: key.revocationIndex.map(String.init) ?? "",
                    revokeAction: SitePaths.revokeKey(id, key.id))
            },
            form: canManage ? keyForm.view(errors: errors) : nil, empty: keys.isEmpty)
        return Merged(view, errors)
    }
}

struct KeysView {
    struct Key {
        let name: String
        let keyID: String
        let verifierKey: String
        let created: String
        let revoked: Bool
        let revokedAt: String
        let registrationLink: String
        let registrationIndex: String
        let revocationLink: String
        let revocationIndex: String
        let revokeAction: String
    }

    let canManage: Bool
    let items: [Key]
    /// Registering a key, for members.
    let form: PageForm.View?
    let empty: Bool
}
