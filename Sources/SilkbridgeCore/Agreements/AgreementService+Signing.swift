import Foundation

extension AgreementService {
    /// Records a party's signature over the frozen version: by a signatory of that party, with one of its
    /// registered, unrevoked keys, verified before anything is stored. The signature goes into the ledger first;
    /// the last one brings the agreement into force and appends that record too.
    public func sign(_ id: UUID, _ input: SignatureInput, by account: Account, now: Date = Date()) async throws
        -> Agreement
    {
        var signature: AgreementSignature?
        var inForceIndex: UInt64?
        let notice: (Agreement, Membership) -> (kind: NoticeKind, actingFor: UUID?)? = { agreement, _ in
            agreement.state == .inForce ? (.agreementInForce, nil) : (.agreementSigned, input.organizationId)
        }
        let signed = try await change(id, by: account, now: now, notice: notice) { agreement, _ in
            guard agreement.state == .openForSignature, let frozen = agreement.frozenVersion else {
                throw AgreementError.notOpenForSignature(agreement.status(at: now))
            }
            guard agreement.isParty(input.organizationId) else { throw AgreementError.notAParty }
            try await requireSignatory(account, of: input.organizationId)
            guard agreement.signature(of: input.organizationId) == nil else { throw AgreementError.alreadySigned }
            guard input.version == frozen else {
                throw AgreementError.wrongVersion(signed: input.version, open: frozen)
            }
            if signature == nil {
                signature = try await verifiedSignature(input, of: agreement, by: account, now: now)
            }
            agreement.signatures.append(signature!)
            var audit = audits(
                agreement, account, "agreement.signed",
                "v\(frozen) for \(input.organizationId.uuidString.lowercased()) at ledger index \(signature!.ledgerIndex)",
                now)
            if agreement.parties.allSatisfy({ agreement.signature(of: $0.organizationId) != nil }) {
                if inForceIndex == nil {
                    inForceIndex = try await ledger.append(try AgreementLedgerEntry.inForce(agreement, at: now).data)
                }
                agreement.state = .inForce
                agreement.inForceIndex = inForceIndex
                audit += audits(agreement, account, "agreement.in-force", "at ledger index \(inForceIndex!)", now)
            }
            return audit
        }
        if signed.state == .inForce { try await advancePipeline(of: signed, by: account, now: now) }
        return signed
    }

    /// An agreement in force moves the interest it grew from to the stage it reached: a letter of intent, or an
    /// agreement for every other kind.
    private func advancePipeline(of agreement: Agreement, by account: Account, now: Date) async throws {
        guard let interestId = agreement.interestId, var interest = try await interests.interest(id: interestId)
        else { return }
        let stage: PipelineStage = agreement.kind == .letterOfIntent ? .letterOfIntent : .agreement
        guard interest.state == .accepted, (interest.stage ?? .contact) < stage else { return }
        interest.stage = stage
        interest.updatedAt = now
        let audit = [interest.ownerOrganizationId, interest.senderOrganizationId].map {
            directory.audit(
                $0, account, "interest.stage.\(stage.rawValue)", "by agreement \(agreement.id.uuidString.lowercased())",
                now)
        }
        try await interests.update(interest, audit: audit, notices: [])
    }

    /// Declines to sign, with a reason the other parties read; a signatory or admin of a party.
    public func decline(_ id: UUID, for organizationId: UUID, reason: String, by account: Account, now: Date = Date())
        async throws -> Agreement
    {
        let reason = try Self.checkedReason(reason)
        return try await change(id, by: account, now: now, notice: { _, _ in (.agreementDeclined, organizationId) }) {
            agreement, _ in
            guard agreement.mayBeDeclined else { throw AgreementError.notOpenForSignature(agreement.status(at: now)) }
            guard let index = agreement.parties.firstIndex(where: { $0.organizationId == organizationId }) else {
                throw AgreementError.notAParty
            }
            try await requireSignatoryOrAdmin(account, of: organizationId)
            agreement.parties[index].declineReason = reason
            agreement.state = .declined
            return audits(agreement, account, "agreement.declined", reason, now)
        }
    }

    /// Ends an agreement in force early, with a reason; a signatory or admin of a party. Logged in the ledger.
    public func terminate(
        _ id: UUID, for organizationId: UUID, reason: String, by account: Account, now: Date = Date()
    ) async throws -> Agreement {
        let reason = try Self.checkedReason(reason)
        var ledgerIndex: UInt64?
        return try await change(id, by: account, now: now, notice: { _, _ in (.agreementTerminated, organizationId) }) {
            agreement, _ in
            guard agreement.mayBeTerminated(at: now) else {
                throw AgreementError.notInForce(agreement.status(at: now))
            }
            guard agreement.isParty(organizationId) else { throw AgreementError.notAParty }
            try await requireSignatoryOrAdmin(account, of: organizationId)
            if ledgerIndex == nil {
                ledgerIndex = try await ledger.append(
                    try AgreementLedgerEntry.terminated(agreement, by: organizationId, at: now).data)
            }
            agreement.state = .terminated
            agreement.termination = AgreementTermination(
                organizationId: organizationId, reason: reason, at: now, ledgerIndex: ledgerIndex!)
            return audits(agreement, account, "agreement.terminated", reason, now)
        }
    }

    /// Checks the key and the signature, then appends the signature to the ledger.
    private func verifiedSignature(
        _ input: SignatureInput, of agreement: Agreement, by account: Account, now: Date
    ) async throws -> AgreementSignature {
        guard let key = try await keys.key(id: input.keyId, of: input.organizationId) else {
            throw AgreementError.keyNotFound
        }
        guard !key.isRevoked else { throw AgreementError.keyRevoked }
        guard let bytes = Data(base64Encoded: input.signature.trimmingCharacters(in: .whitespacesAndNewlines)),
            bytes.count == 64
        else { throw AgreementError.malformedSignature }
        let message = AgreementDocument.signingMessage(
            agreementId: agreement.id, version: input.version, digest: agreement.current.digest)
        guard scheme.isValid(signature: bytes, of: message, publicKey: key.publicKey) else {
            throw AgreementError.invalidSignature
        }
        var signature = AgreementSignature(
            organizationId: input.organizationId, version: input.version, keyId: key.id,
            verifierKey: key.verifierKey, keyLedgerIndex: key.registrationIndex, signature: bytes,
            signerId: account.id, signerName: account.displayName, signedAt: now, ledgerIndex: 0)
        signature.ledgerIndex = try await ledger.append(try AgreementLedgerEntry.signed(signature, of: agreement).data)
        return signature
    }

    func requireSignatory(_ account: Account, of organizationId: UUID) async throws {
        _ = try await directory.requireRole(.member, of: account, in: organizationId)
        guard try await repository.signatories(of: organizationId).contains(account.id) else {
            throw AgreementError.notSignatory
        }
    }

    private func requireSignatoryOrAdmin(_ account: Account, of organizationId: UUID) async throws {
        let membership = try await directory.requireRole(.member, of: account, in: organizationId)
        if membership.role.managesMembers { return }
        try await requireSignatory(account, of: organizationId)
    }

    private static func checkedReason(_ reason: String) throws -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        validator.checkText(reason, field: "reason", required: true, maxLength: 2000)
        try validator.finish()
        return reason
    }
}
