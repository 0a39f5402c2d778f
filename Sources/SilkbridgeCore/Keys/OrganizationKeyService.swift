import Foundation

/// Organisation signing keys: members register and revoke public keys, and each change is appended to the
/// trust ledger before it is stored, so the ledger can show every key an organisation ever had.
public struct OrganizationKeyService: Sendable {
    let keys: any OrganizationKeyRepository
    let directory: DirectoryService
    let decoder: any PublicKeyDecoder
    let ledger: any LedgerAppending

    public init(
        keys: any OrganizationKeyRepository, directory: DirectoryService, decoder: any PublicKeyDecoder,
        ledger: any LedgerAppending
    ) {
        self.keys = keys
        self.directory = directory
        self.decoder = decoder
        self.ledger = ledger
    }

    /// Public keys are public: anyone may list them, as anyone may read them in the ledger.
    public func keys(of organizationId: UUID) async throws -> [OrganizationKey] {
        _ = try await directory.organization(id: organizationId)
        return try await keys.keys(of: organizationId)
    }

    /// Registers a public key given as a C2SP verifier key or as base64 with a key name; members only.
    public func register(
        publicKey text: String, name: String?, for organizationId: UUID, by account: Account, now: Date = Date()
    ) async throws -> OrganizationKey {
        let organization = try await directory.organization(id: organizationId)
        _ = try await directory.requireRole(.member, of: account, in: organizationId)
        let decoded = try decoder.decode(text, name: name)
        let existing = try await keys.keys(of: organizationId)
        guard !existing.contains(where: { $0.publicKey == decoded.publicKey && !$0.isRevoked }) else {
            throw KeyError.alreadyRegistered
        }
        let draft = OrganizationKey(
            id: UUID(), organizationId: organizationId, name: decoded.name, verifierKey: decoded.verifierKey,
            keyID: decoded.keyID, publicKey: decoded.publicKey, createdAt: now, registrationIndex: 0)
        let index = try await ledger.append(
            try KeyLedgerEntry.registered(draft, organization: organization, digest: decoded.digest).data)
        let key = OrganizationKey(
            id: draft.id, organizationId: organizationId, name: draft.name, verifierKey: draft.verifierKey,
            keyID: draft.keyID, publicKey: draft.publicKey, createdAt: now, registrationIndex: index)
        try await keys.insert(
            key,
            audit: directory.audit(
                organizationId, account, "key.registered", "\(key.name) (\(key.keyID)) at ledger index \(index)", now))
        return key
    }

    /// Revokes a key; members only. The key stays listed, marked revoked, as it stays in the ledger.
    public func revoke(_ keyId: UUID, of organizationId: UUID, by account: Account, now: Date = Date()) async throws
        -> OrganizationKey
    {
        let organization = try await directory.organization(id: organizationId)
        _ = try await directory.requireRole(.member, of: account, in: organizationId)
        guard var key = try await keys.key(id: keyId, of: organizationId) else { throw KeyError.keyNotFound }
        guard !key.isRevoked else { throw KeyError.alreadyRevoked }
        let digest = try decoder.decode(key.verifierKey, name: nil).digest
        let index = try await ledger.append(
            try KeyLedgerEntry.revoked(key, organization: organization, digest: digest, at: now).data)
        key.revokedAt = now
        key.revocationIndex = index
        try await keys.markRevoked(
            key,
            audit: directory.audit(
                organizationId, account, "key.revoked", "\(key.name) (\(key.keyID)) at ledger index \(index)", now))
        return key
    }
}
