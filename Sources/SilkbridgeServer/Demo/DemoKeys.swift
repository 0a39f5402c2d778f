import Foundation
import Logging
import SilkbridgeCore
import TrustLedger

/// Signing keys for the roundtable's signatories (the letter of intent and the MoU), registered when the demo
/// directory is loaded, so a new user finds a ledger with entries and cosigned checkpoints. The private keys
/// are thrown away: nothing is ever signed with them.
struct DemoKeys {
    static let signatories = ["chinaeu", "china-internet-development-fund", "china-unicom", "nokia"]

    let accounts: any AccountRepository
    let directory: DirectoryService
    let keys: OrganizationKeyService

    func load() async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for signatory in Self.signatories {
                group.addTask { try await register(signatory) ? 1 : 0 }
            }
            return try await group.reduce(0, +)
        }
    }

    private func register(_ signatory: String) async throws -> Bool {
        let email = signatory == "chinaeu" ? DemoDirectory.demoEmail : "\(signatory)@demo.silkbridge.example"
        guard let account = try await accounts.find(email: email)?.account,
            let organization = try await directory.memberships(of: account).first?.0
        else { return false }
        let key = try Ed25519NoteSigner.generate(name: "\(signatory).demo.silkbridge.example/signing")
        _ = try await keys.register(
            publicKey: key.verifier.verifierKey, name: nil, for: organization.id, by: account)
        return true
    }
}
