import Foundation
import Logging
import SilkbridgeCore
import TrustLedger

/// Signing keys for the roundtable's signatories (the letter of intent and the MoU), registered when the demo
/// directory is loaded, so a new user finds a ledger with entries and cosigned checkpoints. The private keys live
/// only while the demo agreements are signed with them, then are thrown away.
struct DemoKeys {
    /// A signatory's account, organisation, key and its registration.
    struct Signatory: Sendable {
        let account: Account
        let organization: Organization
        let signer: Ed25519NoteSigner
        let key: OrganizationKey
    }

    static let signatories = ["chinaeu", "china-internet-development-fund", "china-unicom", "nokia"]

    let accounts: any AccountRepository
    let directory: DirectoryService
    let keys: OrganizationKeyService

    /// The signatories by short name, such as `nokia`.
    func load() async throws -> [String: Signatory] {
        try await withThrowingTaskGroup(of: (String, Signatory?).self) { group in
            for signatory in Self.signatories {
                group.addTask { (signatory, try await register(signatory)) }
            }
            var loaded: [String: Signatory] = [:]
            for try await (name, signatory) in group { loaded[name] = signatory }
            return loaded
        }
    }

    private func register(_ signatory: String) async throws -> Signatory? {
        let email = signatory == "chinaeu" ? DemoDirectory.demoEmail : "\(signatory)@demo.silkbridge.example"
        guard let account = try await accounts.find(email: email)?.account,
            let organization = try await directory.memberships(of: account).first?.0
        else { return nil }
        let signer = try Ed25519NoteSigner.generate(name: "\(signatory).demo.silkbridge.example/signing")
        let key = try await keys.register(
            publicKey: signer.verifier.verifierKey, name: nil, for: organization.id, by: account)
        return Signatory(account: account, organization: organization, signer: signer, key: key)
    }
}
