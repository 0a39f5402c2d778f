import Foundation
import Logging
import SilkbridgeCore
import SilkbridgeLedger
import SilkbridgeStorage
import SilkbridgeTestSupport
import Testing
import TrustLedger

@testable import SilkbridgeServer

/// A process that dies between appending a key's ledger entry and recording its index leaves the key pending;
/// start-up or a retry completes it, and the key is never logged twice.
@Suite(.timeLimit(.minutes(10))) struct KeyRegistrationRecoveryTests {
    struct SimulatedCrash: Error {}

    /// The real ledger, but the process "dies" right after the append is durable.
    struct CrashingAfterAppend: LedgerAppending {
        let ledger: LedgerHost

        func append(_ entry: Data) async throws -> UInt64 {
            _ = try await ledger.append(entry)
            throw SimulatedCrash()
        }

        func index(of entry: Data) async throws -> UInt64? {
            try await ledger.index(of: entry)
        }
    }

    struct Setup {
        let database: SilkbridgeDatabase
        let ledger: LedgerHost
        let owner: Account
        let organizationId: UUID

        func keys(_ ledger: any LedgerAppending) -> OrganizationKeyService {
            let directory = DirectoryService(
                repository: database.directory, catalog: ReferenceCatalog(areas: [], countries: [], provinces: []),
                links: MailLinks(publicURL: "http://127.0.0.1"))
            return OrganizationKeyService(
                keys: database.organizationKeys, directory: directory, decoder: C2SPPublicKeyDecoder(), ledger: ledger)
        }
    }

    func withSetup(_ database: TestDatabase, _ body: (Setup) async throws -> Void) async throws {
        let log = try await LedgerTestLog(database, entries: 3)
        let stored = try SilkbridgeDatabase(location: log.location, logger: Logger(label: "test"))
        do {
            let ledger = try await log.startedHost(on: stored)
            let owner = try await stored.accounts.create(
                Account(
                    id: UUID(), email: "anna@example.eu", displayName: "Anna", preferredLanguage: .english,
                    createdAt: Date()),
                passwordHash: "x")
            let organization = Organization(
                id: UUID(), name: LocalizedText(english: "Isar Energy"), type: .startup, country: "DE", province: nil,
                city: LocalizedText(english: "Munich"), website: nil, size: .small, areas: ["smart-energy"],
                description: LocalizedText(english: "About Isar Energy"),
                createdAt: Date(), updatedAt: Date())
            try await stored.directory.create(
                organization,
                owner: Membership(
                    id: UUID(), organizationId: organization.id, accountId: owner.id, email: owner.email,
                    displayName: owner.displayName, role: .owner, createdAt: Date()),
                audit: AuditEvent(
                    organizationId: organization.id, actorId: owner.id, actorName: owner.displayName,
                    action: "organization.created", detail: "", at: Date()))
            try await body(Setup(database: stored, ledger: ledger, owner: owner, organizationId: organization.id))
            await ledger.appender.stop()
        } catch {
            await stored.shutdown()
            throw error
        }
        await stored.shutdown()
    }

    /// Registers a key through a process that crashes after the append; returns the key's verifier key.
    func registerAndCrash(_ setup: Setup) async throws -> String {
        let verifierKey = try Ed25519NoteSigner.generate(name: "isar-energy.eu/signing").verifier.verifierKey
        await #expect(throws: SimulatedCrash.self) {
            _ = try await setup.keys(CrashingAfterAppend(ledger: setup.ledger)).register(
                publicKey: verifierKey, name: nil, for: setup.organizationId, by: setup.owner)
        }
        #expect(try await setup.ledger.storage.entryCount() == 4)
        #expect(try await setup.keys(setup.ledger).keys(of: setup.organizationId).isEmpty, "pending keys are hidden")
        return verifierKey
    }

    @Test(arguments: TestDatabase.available)
    func startingUpRecordsARegistrationTheLedgerHolds(database: TestDatabase) async throws {
        try await withSetup(database) { setup in
            let verifierKey = try await registerAndCrash(setup)

            let keys = setup.keys(setup.ledger)
            #expect(try await keys.recoverPendingRegistrations() == 1)

            let listed = try await keys.keys(of: setup.organizationId)
            #expect(listed.map(\.verifierKey) == [verifierKey])
            #expect(listed.map(\.registrationIndex) == [3])
            #expect(try await keys.recoverPendingRegistrations() == 0)
            #expect(try await setup.ledger.storage.entryCount() == 4)
        }
    }

    @Test(arguments: TestDatabase.available)
    func retryingAfterACrashDoesNotLogTheKeyTwice(database: TestDatabase) async throws {
        try await withSetup(database) { setup in
            let verifierKey = try await registerAndCrash(setup)

            let keys = setup.keys(setup.ledger)
            let key = try await keys.register(
                publicKey: verifierKey, name: nil, for: setup.organizationId, by: setup.owner)

            #expect(key.registrationIndex == 3)
            #expect(try await keys.keys(of: setup.organizationId).map(\.id) == [key.id])
            #expect(try await setup.ledger.storage.entryCount() == 4)
            let entry = try #require(try await setup.ledger.storage.readEntries(3..<4).first)
            #expect(String(decoding: entry, as: UTF8.self).contains(key.id.uuidString.lowercased()))
        }
    }
}
