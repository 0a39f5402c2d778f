import CompressNIO
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import SQLKit
import SilkbridgeLedger
import SilkbridgeServer
import SilkbridgeTestSupport
import Testing
import TrustLedger

@testable import SilkbridgeStorage

@Suite(.timeLimit(.minutes(10))) struct LedgerRouteTests {
    @Test(arguments: TestDatabase.available)
    func tilesAndTheCheckpointAreWhatTrustLedgerProduces(database: TestDatabase) async throws {
        let log = try await LedgerTestLog(database, entries: 600)
        try await log.withApp { client in
            let checkpoint = try await client.execute(uri: "/ledger/checkpoint", method: .get)
            #expect(checkpoint.status == .ok)
            #expect(checkpoint.headers[.cacheControl] == "no-cache")
            let (parsed, _) = try Checkpoint.open(
                Data(buffer: checkpoint.body), verifiers: [log.signer.verifier])
            #expect(parsed.origin == log.signer.name)
            #expect(parsed.size == 600)
            #expect(parsed.rootHash == log.tree.rootHash)

            for id in TileLayout.changedTiles(from: 0, to: 600) {
                let response = try await client.execute(uri: "/ledger/" + id.path, method: .get)
                #expect(response.status == .ok, "\(id)")
                #expect(Data(buffer: response.body) == log.tiles[id], "\(id)")
                let cache = response.headers[.cacheControl] ?? ""
                #expect(id.isPartial ? !cache.contains("immutable") : cache.contains("immutable"), "\(id)")
            }
            // A client that saw size 5 can still read the tiles of that size.
            let early = try await client.execute(uri: "/ledger/tile/entries/000.p/5", method: .get)
            #expect(try EntryBundle(data: Data(buffer: early.body)).entries == Array(log.entries.prefix(5)))
        }
    }

    /// tlog-tiles: entry bundles SHOULD be compressed at the HTTP layer; hash tiles, which do not compress, are not.
    @Test func entryBundlesComeCompressedToClientsThatTakeGzip() async throws {
        let log = try await LedgerTestLog(entries: 300)
        try await log.withApp { client in
            let bundle = TileID(kind: .entries, index: 0, width: 256)
            let hashes = TileID(level: 0, index: 0, width: 256)
            func get(_ id: TileID, accepting: String?) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ledger/" + id.path, method: .get,
                    headers: accepting.map { [.acceptEncoding: $0] } ?? [:])
            }
            let compressed = try await get(bundle, accepting: "br;q=1, gzip;q=0.8")
            #expect(compressed.headers[.contentEncoding] == "gzip")
            #expect(compressed.headers[.vary] == "Accept-Encoding")
            var body = compressed.body
            #expect(body.readableBytes < log.tiles[bundle]!.count)
            #expect(Data(buffer: try body.decompress(with: .gzip())) == log.tiles[bundle])

            for accepting in [nil, "identity", "gzip;q=0", "br"] {
                let plain = try await get(bundle, accepting: accepting)
                #expect(plain.headers[.contentEncoding] == nil, "\(accepting ?? "no Accept-Encoding")")
                #expect(Data(buffer: plain.body) == log.tiles[bundle])
            }
            let tile = try await get(hashes, accepting: "gzip")
            #expect(tile.headers[.contentEncoding] == nil)
            #expect(Data(buffer: tile.body) == log.tiles[hashes])
        }
    }

    @Test(arguments: [
        "/ledger/tile/0/002", "/ledger/tile/0/x000/001", "/ledger/tile/0/001.p/200", "/ledger/tile/64/000",
        "/ledger/tile/entries/3", "/ledger/tile/1/000.p/0",
    ])
    func unknownOrNonCanonicalTilesAreProblems(path: String) async throws {
        let log = try await LedgerTestLog(entries: 20)
        try await log.withApp { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            #expect(try response.problemDetail().contains("tile"))
        }
    }

    @Test func entriesComeWithProofsThatVerify() async throws {
        let log = try await LedgerTestLog(entries: 300)
        try await log.withApp { client in
            let response = try await client.api(.get, "/api/v1/ledger/entries/257")
            #expect(response.status == .ok)
            let json = try response.json()
            let entry = try #require(Data(base64Encoded: json["entry"] as? String ?? ""))
            #expect(entry == log.entries[257])
            #expect(json["text"] as? String == String(decoding: entry, as: UTF8.self))
            let proof = try #require(json["inclusionProof"] as? [String]).compactMap { Data(base64Encoded: $0) }
            let report = LedgerVerifier(logVerifier: log.signer.verifier, policy: try WitnessPolicy(groups: []))
                .verifyEntry(
                    entry, index: 257, proof: proof, checkpoint: Data((json["checkpoint"] as? String ?? "").utf8))
            #expect(report.isValid, "\(report.reasons)")

            let consistency = try await client.api(.get, "/api/v1/ledger/consistency?from=10&to=300")
            #expect(consistency.status == .ok)
            let body = try consistency.json()
            let hashes = try #require(body["proof"] as? [String]).compactMap { Data(base64Encoded: $0) }
            try ConsistencyProof.verify(
                oldSize: 10, newSize: 300, oldRoot: try await log.tree.rootHash(size: 10), newRoot: log.tree.rootHash,
                proof: hashes)
            #expect(body["fromRoot"] as? String == (try await log.tree.rootHash(size: 10)).base64EncodedString())
            let latest = try await client.api(.get, "/api/v1/ledger/consistency?from=299")
            #expect(try latest.json()["to"] as? Int == 300)
        }
    }

    @Test(arguments: [
        ("/api/v1/ledger/entries/20", HTTPResponse.Status.notFound),
        ("/api/v1/ledger/entries/-1", .badRequest),
        ("/api/v1/ledger/entries/x", .badRequest),
        ("/api/v1/ledger/consistency?from=0", .badRequest),
        ("/api/v1/ledger/consistency?from=20&to=10", .badRequest),
        ("/api/v1/ledger/consistency?from=1&to=21", .badRequest),
        ("/api/v1/ledger/consistency", .badRequest),
        ("/api/v1/ledger/consistency?from=abc", .badRequest),
    ])
    func badLedgerRequestsGetProblems(path: String, status: HTTPResponse.Status) async throws {
        let log = try await LedgerTestLog(entries: 20)
        try await log.withApp { client in
            let response = try await client.api(.get, path)
            #expect(response.status == status, "\(response.text)")
            #expect(try !response.problemDetail().isEmpty)
        }
    }

    @Test func theLedgerDescribesItselfAndItsPolicy() async throws {
        let log = try await LedgerTestLog(entries: 3)
        try await log.withApp { client in
            let json = try await client.api(.get, "/api/v1/ledger").json()
            #expect(json["origin"] as? String == log.signer.name)
            #expect(json["verifierKey"] as? String == log.signer.verifier.verifierKey)
            #expect(json["size"] as? Int == 3)
            #expect(json["policy"] as? String == "")
            #expect(json["policyMet"] as? Bool == true)
        }
    }

    @Test(arguments: ["en", "zh-Hans"])
    func theLedgerPageShowsTheLogAndVerifiesAnEntry(language: String) async throws {
        let log = try await LedgerTestLog(entries: 12)
        try await log.withApp { client in
            var browser = BrowserSession(client, language: language)
            let page = try await browser.get("/ledger?entry=7")
            #expect(page.status == .ok)
            #expect(page.text.contains(language == "en" ? "Trust ledger" : "信任账本"))
            #expect(page.text.contains("<strong id=\"ledger-size\">12</strong>"))
            #expect(page.text.contains("id=\"verification\""))
            #expect(page.text.contains(language == "en" ? "✓ verified" : "✓ 已验证"))
            #expect(!page.text.contains("{{"))
            let home = try await browser.get("/")
            #expect(home.text.contains("href=\"/ledger\""))
            let missing = try await browser.get("/ledger?entry=99")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("class=\"field-error\""))
            let garbage = try await browser.get("/ledger?entry=seven")
            #expect(garbage.status == .badRequest)
        }
    }

    @Test func aDamagedLogStopsTheServerAtStart() async throws {
        let log = try await LedgerTestLog(entries: 40)
        let database = try SilkbridgeDatabase(location: log.location, logger: Logger(label: "test"))
        try await database.migrate()
        try await database.ledger.append(
            LedgerBatch(
                oldSize: 40, entries: [Data("forged".utf8)], leafHashes: [], tiles: [:],
                checkpoint: try #require(try await database.ledger.latestCheckpoint())))
        await database.shutdown()
        // The check is start-up work: the application builds, and stops with the error before its first request.
        let app = try await buildApplication(configuration: log.configuration())
        await #expect(throws: SequencerError.self) {
            try await app.test(.router) { _ in Issue.record("the server answered on a damaged log") }
        }
    }

    /// Start-up reads only the right edge of the tree, so it stays fast on a large log; damage further left is
    /// found by the full check behind `silkbridge ledger check`.
    @Test func theFullCheckFindsDamageThatStartUpDoesNotRead() async throws {
        let log = try await LedgerTestLog(entries: 600)
        let database = try SilkbridgeDatabase(location: log.location, logger: Logger(label: "test"))
        let sql = database.database as! any SQLDatabase
        try await sql.raw(
            "UPDATE ledger_tiles SET data = \(bind: Data(count: 8192)) WHERE tile_level = 0 AND tile_index = 0"
        )
        .run()
        await database.shutdown()

        try await log.withApp { client in
            let checkpoint = try await client.execute(uri: "/ledger/checkpoint", method: .get)
            #expect(checkpoint.status == .ok)
        }
        let report = try await LedgerCheck.run(
            log.configuration().ledger, database: log.location, logger: Logger(label: "test"))
        #expect(report.problems == [.corruptTile(TileID(level: 0, index: 0, width: 256))])
    }

    /// The background check reads what start-up does not: a damaged entry row is named as the row (not the tiles
    /// that disagree with it), withheld, and reported in `/healthz` and `/api/v1/ledger`; a damaged bundle is
    /// withheld too, and the rest of the log is still served.
    @Test func theBackgroundCheckWithholdsWhatIsDamagedAndSaysSo() async throws {
        let log = try await LedgerTestLog(entries: 600)
        let database = try SilkbridgeDatabase(location: log.location, logger: Logger(label: "test"))
        let sql = database.database as! any SQLDatabase
        try await sql.raw("UPDATE ledger_entries SET entry = \(bind: Data("forged".utf8)) WHERE idx = 3").run()
        var bundle = try EntryBundle(data: try #require(log.tiles[TileID(kind: .entries, index: 1, width: 256)]))
            .entries
        bundle[0] = Data("forged too".utf8)
        try await sql.raw(
            "UPDATE ledger_tiles SET data = \(bind: try EntryBundle(entries: bundle).data) WHERE tile_level = -1 AND tile_index = 1"
        ).run()
        await database.shutdown()

        let (reports, reported) = AsyncStream.makeStream(of: IntegrityReport.self)
        var ledger = LedgerConfiguration()
        ledger.integrityCheckPause = .zero
        ledger.onIntegrityReport = { reported.yield($0) }
        let app = try await buildApplication(configuration: log.configuration(ledger))
        try await app.test(.router) { client in
            var iterator = reports.makeAsyncIterator()
            let report = try #require(await iterator.next())
            #expect(
                report.problems == [
                    .corruptEntry(index: 3), .corruptTile(TileID(kind: .entries, index: 1, width: 256)),
                ])

            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .serviceUnavailable)
            #expect(
                String(buffer: health.body).contains("the row of entry 3 differs from its entry bundle and leaf hash"))
            let status = try await client.api(.get, "/api/v1/ledger").json()
            let integrity = try #require(status["integrity"] as? [String: Any])
            #expect((integrity["problems"] as? [String])?.count == 2)
            #expect(integrity["size"] as? Int == 600)

            #expect(try await client.api(.get, "/api/v1/ledger/entries/3").status == .serviceUnavailable)
            #expect(try await client.api(.get, "/api/v1/ledger/entries/4").status == .ok)
            let damaged = try await client.execute(uri: "/ledger/tile/entries/001", method: .get)
            #expect(damaged.status == .serviceUnavailable)
            #expect(try damaged.problemDetail().contains("failed its integrity check"))
            // Entry 3's bundle and leaf hash are right, and so still served.
            let whole = try await client.execute(uri: "/ledger/tile/entries/000", method: .get)
            #expect(whole.status == .ok)
            #expect(try EntryBundle(data: Data(buffer: whole.body)).entries[3] == log.entries[3])
        }
        reported.finish()
        let offline = try await LedgerCheck.run(
            log.configuration().ledger, database: log.location, logger: Logger(label: "test"))
        #expect(
            offline.problems == [.corruptEntry(index: 3), .corruptTile(TileID(kind: .entries, index: 1, width: 256))])
    }
}
