import Foundation

/// Organisation signing keys: members register and revoke public keys, and each change is appended to the
/// trust ledger, so the ledger can show every key an organisation ever had.
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
        let pending = try await keys.pendingRegistrations(of: organizationId)
        if let unfinished = pending.first(where: { $0.key.publicKey == decoded.publicKey }) {
            // An earlier attempt stopped after recording the registration: finish it, appending only if the ledger
            // does not hold the entry already, so the key is never logged twice.
            if let index = try await ledger.index(of: unfinished.entry) {
                return try await record(unfinished, at: index)
            }
            return try await record(unfinished, at: ledger.append(unfinished.entry))
        }
        let draft = OrganizationKey(
            id: UUID(), organizationId: organizationId, name: decoded.name, verifierKey: decoded.verifierKey,
            keyID: decoded.keyID, publicKey: decoded.publicKey, createdAt: now, registrationIndex: 0)
        let registration = PendingKeyRegistration(
            key: draft,
            entry: try KeyLedgerEntry.registered(draft, organization: organization, digest: decoded.digest).data)
        try await keys.insertPending(
            registration,
            audit: directory.audit(organizationId, account, "key.registered", "\(draft.name) (\(draft.keyID))", now))
        return try await record(registration, at: ledger.append(registration.entry))
    }

    /// Records the ledger index of every pending registration whose entry the ledger holds: those a crash
    /// interrupted after the append. The others stay pending until registered again, since their request may
    /// still be under way in another process.
    public func recoverPendingRegistrations() async throws -> Int {
        var recovered = 0
        for registration in try await keys.pendingRegistrations(of: nil) {
            guard let index = try await ledger.index(of: registration.entry) else { continue }
            _ = try await record(registration, at: index)
            recovered += 1
        }
        return recovered
    }

    private func record(_ registration: PendingKeyRegistration, at index: UInt64) async throws -> OrganizationKey {
        try await keys.recordRegistration(of: registration.key.id, at: index)
        return registration.registered(at: index)
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
