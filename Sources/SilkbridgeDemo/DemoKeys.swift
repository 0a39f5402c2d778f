import Foundation
import Logging
import SilkbridgeCore
import TrustLedger

/// Signing keys for the roundtable's signatories (the letter of intent and the MoU), registered when the demo
/// directory is loaded, so a new user finds a ledger with entries and cosigned checkpoints. The private keys live
/// only while the demo agreements are signed with them, then are thrown away.
package struct DemoKeys {
    /// A signatory's account, organisation, key and its registration.
    package struct Signatory: Sendable {
        package let account: Account
        package let organization: Organization
        package let signer: Ed25519NoteSigner
        package let key: OrganizationKey
    }

    package static let signatories = ["chinaeu", "china-internet-development-fund", "china-unicom", "nokia"]

    package let accounts: any AccountRepository
    package let directory: DirectoryService
    package let keys: OrganizationKeyService

    /// The signatories by short name, such as `nokia`.
    package func load() async throws -> [String: Signatory] {
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
