import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import SilkbridgeLedger
import SilkbridgeServer
import SilkbridgeStorage
import Testing
import TrustLedger

/// Runs the real `silkbridge serve` as a child process, kills it with SIGKILL in the middle of a burst of key
/// registrations, and checks that every registration it acknowledged is in the ledger after the crash.
@Suite(.serialized, .timeLimit(.minutes(10))) struct CrashTests {
    static var executable: URL? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("silkbridge") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Acknowledged: Sendable {
        let index: Int
        let verifierKey: String
    }

    @Test(.enabled(if: executable != nil, "the silkbridge executable is built beside the tests"))
    func everyAcknowledgedAppendSurvivesKillNine() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("silkbridge-crash-\(UUID())")
        let port = Int.random(in: 20_000...40_000)
        let base = "http://127.0.0.1:\(port)"
        let child = Process()
        child.executableURL = try #require(Self.executable)
        child.arguments = ["serve", "--port", String(port), "--data-dir", folder.path]
        child.environment = ProcessInfo.processInfo.environment.merging(["SILKBRIDGE_LOG_LEVEL": "warning"]) { $1 }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        child.standardOutput = try FileHandle(forWritingTo: log)
        child.standardError = child.standardOutput
        try child.run()
        defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
        try await Self.waitUntilUp(base)

        let token = try await Self.signUpAndLogIn(base)
        let organization = try await Self.post(
            base + "/api/v1/organizations", token: token,
            json: #"{"name":{"en":"Crash Test GmbH"},"type":"company","country":"DE","size":"small","areas":["iot"]}"#)
        let organizationId = try #require(organization["id"] as? String)

        let acknowledged = AckLog()
        let killed = KillSwitch()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    for round in 0..<40 {
                        // A request to a dead server would wait for its whole timeout while the client retries.
                        if await killed.isDone { return }
                        guard let key = try? Ed25519NoteSigner.generate(name: "crash.example/w\(worker)-\(round)")
                        else { return }
                        let verifierKey = key.verifier.verifierKey
                        guard
                            let created = try? await Self.post(
                                base + "/api/v1/organizations/\(organizationId)/keys", token: token,
                                json: #"{"publicKey":"\#(verifierKey)"}"#),
                            let index = created["ledgerIndex"] as? Int
                        else { continue }
                        let count = await acknowledged.add(Acknowledged(index: index, verifierKey: verifierKey))
                        if count == 150 { await killed.kill(child) }
                    }
                }
            }
        }
        // Should the burst have ended early, the server is killed now, so the test still ends. A request that
        // timed out was never acknowledged, so short timeouts cannot hide a lost entry.
        await killed.kill(child)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        let acks = await acknowledged.all
        #expect(acks.count >= 150)

        let database = try SilkbridgeDatabase(
            location: .sqlite(path: folder.appendingPathComponent("silkbridge.sqlite").path), logger: Logger(label: "t")
        )
        do {
            try await database.migrate()
            for ack in acks {
                let entry = try await database.ledger.readEntries(UInt64(ack.index)..<UInt64(ack.index + 1))
                #expect(entry.first.map { String(decoding: $0, as: UTF8.self).contains(ack.verifierKey) } == true)
            }
            let signer = try Ed25519NoteSigner(
                privateKeyString: try #require(try SecretFile.read(folder.appendingPathComponent("ledger.key").path)))
            let report = try await LedgerIntegrityChecker(
                storage: database.ledger, logVerifier: signer.verifier, origin: signer.name
            ).check()
            #expect(report.isHealthy, "\(report.problems)")
            // Every checkpoint ever published is a prefix of the log that survived.
            let entries = try await database.ledger.readEntries(0..<UInt64.max)
            var tree = InMemoryMerkleTree()
            entries.forEach { tree.append(entry: $0) }
            for size in 1...UInt64(entries.count) {
                guard let note = try await database.ledger.checkpoint(size: size) else { continue }
                let (checkpoint, _) = try Checkpoint.open(note, verifiers: [signer.verifier])
                #expect(checkpoint.rootHash == (try await tree.rootHash(size: size)), "checkpoint \(size)")
            }
            // And the log takes appends again.
            let restarted = Sequencer(
                configuration: SequencerConfiguration(origin: signer.name), signer: signer, storage: database.ledger)
            try await restarted.start()
            #expect(try await restarted.append(Data("after the crash".utf8)) == UInt64(entries.count))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    actor AckLog {
        private(set) var all: [Acknowledged] = []

        func add(_ ack: Acknowledged) -> Int {
            all.append(ack)
            return all.count
        }
    }

    actor KillSwitch {
        private(set) var isDone = false

        func kill(_ process: Process) {
            guard !isDone else { return }
            isDone = true
            Foundation.kill(process.processIdentifier, SIGKILL)
        }
    }

    static func waitUntilUp(_ base: String) async throws {
        for _ in 0..<200 {
            if let response = try? await HTTPClient.shared.execute(
                HTTPClientRequest(url: base + "/healthz"), timeout: .seconds(1)), response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CancellationError()
    }

    static func signUpAndLogIn(_ base: String) async throws -> String {
        let credentials = #"{"email":"crash@example.eu","password":"correct horse battery"}"#
        _ = try await post(
            base + "/api/v1/accounts", token: nil,
            json: #"{"email":"crash@example.eu","password":"correct horse battery","displayName":"Crash"}"#)
        let session = try await post(base + "/api/v1/sessions", token: nil, json: credentials)
        return try #require(session["token"] as? String)
    }

    static func post(_ url: String, token: String?, json: String) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(3))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard (200..<300).contains(response.status.code),
            let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        else { throw CancellationError() }
        return object
    }
}
