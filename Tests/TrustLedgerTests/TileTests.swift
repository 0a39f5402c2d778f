import Crypto
import Foundation
import SilkbridgeCore
import Testing
import TrustLedger

@Suite struct TileTests {
    @Test(arguments: [
        (TileID(level: 0, index: 0, width: 256), "tile/0/000"),
        (TileID(level: 0, index: 1, width: 44), "tile/0/001.p/44"),
        (TileID(level: 1, index: 1_234_067, width: 256), "tile/1/x001/x234/067"),
        (TileID(level: 63, index: 1000, width: 1), "tile/63/x001/000.p/1"),
        (TileID(kind: .entries, index: 0, width: 8), "tile/entries/000.p/8"),
        (TileID(kind: .entries, index: UInt64.max, width: 256), "tile/entries/x018/x446/x744/x073/x709/x551/615"),
    ])
    func pathEncoding(_ id: TileID, _ path: String) {
        #expect(id.path == path)
        #expect(TileID(path: path) == id)
    }

    @Test(arguments: [
        "", "tile", "tile/0", "tiles/0/000", "tile/0/1", "tile/0/0000", "tile/00/000", "tile/64/000", "tile/-1/000",
        "tile/0/x000/001", "tile/0/x1/000", "tile/0/001/000", "tile/0/x001", "tile/0/000/", "tile/0/000.p",
        "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/08", "tile/0/000.p/8/",
        "tile/0/x018/x446/x744/x073/x709/x551/616",
        "tile/entry/000", "tile/0/00a",
    ])
    func invalidPathsAreRejected(_ path: String) {
        #expect(TileID(path: path) == nil)
    }

    @Test func layoutOfSpecExample() {
        let tiles = TileLayout.changedTiles(from: 0, to: 70_000)
        let levelZero = tiles.filter { $0.kind == .hashes(level: 0) }
        #expect(levelZero.count == 274)
        #expect(levelZero.filter { !$0.isPartial }.count == 273)
        #expect(levelZero.last == TileID(level: 0, index: 273, width: 112))
        #expect(
            tiles.filter { $0.kind == .hashes(level: 1) } == [
                TileID(level: 1, index: 0, width: 256), TileID(level: 1, index: 1, width: 17),
            ])
        #expect(tiles.filter { $0.kind == .hashes(level: 2) } == [TileID(level: 2, index: 0, width: 1)])
        #expect(tiles.filter { $0.kind == .entries }.count == 274)
        #expect(
            Set(TileLayout.changedTiles(from: 0, to: 256)) == [
                TileID(level: 0, index: 0, width: 256), TileID(kind: .entries, index: 0, width: 256),
                TileID(level: 1, index: 0, width: 1),
            ])
        #expect(TileLayout.changedTiles(from: 300, to: 300).isEmpty)
        #expect(
            Set(TileLayout.changedTiles(from: 257, to: 258)) == [
                TileID(level: 0, index: 1, width: 2), TileID(kind: .entries, index: 1, width: 2),
            ])
    }

    @Test func entryBundleEncoding() throws {
        let entries = [Data(), Data([1]), Data(repeating: 7, count: 65_535)]
        let bundle = try EntryBundle(entries: entries)
        #expect(bundle.data.prefix(5) == Data([0, 0, 0, 1, 1]))
        #expect(bundle.data.count == 2 + 3 + 2 + 65_535)
        #expect(try EntryBundle(data: bundle.data).entries == entries)
        #expect(throws: TileError.entryTooLarge(65_536)) { try EntryBundle(entries: [Data(count: 65_536)]) }
        #expect(throws: TileError.malformedEntryBundle) { try EntryBundle(data: Data([0, 3, 1, 2])) }
        #expect(throws: TileError.malformedEntryBundle) { try EntryBundle(data: Data([0])) }
    }

    @Test func tiledLogReproducesByteForByte() async throws {
        let derived = DerivedVectors.vectors
        let leaves = derived.leaves
        let storage = InMemoryLedgerStorage()
        var written: [String: Data] = [:]
        for (oldSize, newSize) in [(0, 8), (8, 300)] {
            let growth = try await TileGrowth.grow(
                from: UInt64(oldSize), appending: Array(leaves[oldSize..<newSize]), reader: storage)
            #expect(Set(growth.tiles.keys) == Set(TileLayout.changedTiles(from: UInt64(oldSize), to: UInt64(newSize))))
            try await storage.append(
                LedgerBatch(
                    oldSize: UInt64(oldSize), entries: Array(leaves[oldSize..<newSize]), leafHashes: growth.leafHashes,
                    tiles: growth.tiles, checkpoint: Data()))
            for (id, data) in growth.tiles { written[id.path] = data }
        }
        let expectedPaths = Resources.files(under: "derived/tiled-log/tile").map { "tile/" + $0 }
        #expect(written.keys.sorted() == expectedPaths)
        for path in expectedPaths {
            #expect(written[path] == Resources.data("derived/tiled-log/" + path), "\(path)")
        }
        let bundled = try ["tile/entries/000", "tile/entries/001.p/44"].flatMap {
            try EntryBundle(data: Resources.data("derived/tiled-log/" + $0)).entries
        }
        #expect(bundled == leaves)

        let root = try await TileHashReader(treeSize: 300, tiles: storage).rootHash(size: 300)
        let signer = try Ed25519NoteSigner(
            name: "ledger.example/test-log",
            privateKey: Curve25519.Signing.PrivateKey(rawRepresentation: Data(hex: derived.logEd25519SeedHex)))
        let checkpoint = try Checkpoint(origin: "ledger.example/test-log", size: 300, rootHash: root)
        let note = try SignedNote.sign(text: checkpoint.text, signers: [signer])
        #expect(note.serialized == Resources.data("derived/tiled-log/checkpoint"))
    }

    @Test func derivedProofsComeOutOfTiles() async throws {
        let derived = DerivedVectors.vectors
        let storage = InMemoryLedgerStorage()
        for (oldSize, newSize) in [(0, 8), (8, 300)] {
            let entries = Array(derived.leaves[oldSize..<newSize])
            let growth = try await TileGrowth.grow(from: UInt64(oldSize), appending: entries, reader: storage)
            try await storage.append(
                LedgerBatch(
                    oldSize: UInt64(oldSize), entries: entries, leafHashes: growth.leafHashes, tiles: growth.tiles,
                    checkpoint: Data()))
        }
        let at300 = TileHashReader(treeSize: 300, tiles: storage)
        let at8 = TileHashReader(treeSize: 8, tiles: storage)
        #expect(
            try await InclusionProof.generate(index: 5, size: 300, reader: at300)
                == derived.inclusion5In300.proof.base64Decoded)
        #expect(
            try await InclusionProof.generate(index: 5, size: 8, reader: at8)
                == derived.inclusion5In8.proof.base64Decoded)
        #expect(
            try await ConsistencyProof.generate(from: 8, to: 300, reader: at300)
                == derived.consistency8To300.proof.base64Decoded)
        await #expect(throws: TileError.self) {
            try await at8.readHashes([NodeID(level: 0, index: 8)])
        }
    }

    @Test func tilesAgreeWithInMemoryTreeAcrossRandomGrowth() async throws {
        var random = SeededRandom(seed: 2024)
        let storage = InMemoryLedgerStorage()
        var tree = InMemoryMerkleTree()
        var size: UInt64 = 0
        var previousSize: UInt64 = 0
        while size < 20_000 {
            let count = [1, 2, 3, 17, 255, 256, 257, 700, 1500].randomElement(using: &random)!
            let entries = (0..<count).map { Data("tiled \(size + UInt64($0))".utf8) }
            let growth = try await TileGrowth.grow(from: size, appending: entries, reader: storage)
            #expect(Set(growth.tiles.keys) == Set(TileLayout.changedTiles(from: size, to: size + UInt64(count))))
            try await storage.append(
                LedgerBatch(
                    oldSize: size, entries: entries, leafHashes: growth.leafHashes, tiles: growth.tiles,
                    checkpoint: Data()))
            for entry in entries { tree.append(entry: entry) }
            previousSize = size
            size += UInt64(count)

            let reader = TileHashReader(treeSize: size, tiles: storage)
            #expect(try await reader.rootHash(size: size) == tree.rootHash)
            let index = UInt64.random(in: 0..<size, using: &random)
            #expect(
                try await InclusionProof.generate(index: index, size: size, reader: reader)
                    == InclusionProof.generate(index: index, size: size, reader: tree))
            if previousSize > 0 {
                let oldSize = UInt64.random(in: 1...previousSize, using: &random)
                #expect(
                    try await ConsistencyProof.generate(from: oldSize, to: size, reader: reader)
                        == ConsistencyProof.generate(from: oldSize, to: size, reader: tree))
            }
        }
    }

    @Test func corruptTileIsReported() async throws {
        let storage = InMemoryLedgerStorage()
        let growth = try await TileGrowth.grow(from: 0, appending: [Data("a".utf8)], reader: storage)
        try await storage.append(
            LedgerBatch(
                oldSize: 0, entries: [Data("a".utf8)], leafHashes: growth.leafHashes,
                tiles: growth.tiles.filter { $0.key.kind == .entries }, checkpoint: Data()))
        await #expect(throws: TileError.missingTile(TileID(level: 0, index: 0, width: 1))) {
            try await TileGrowth.grow(from: 1, appending: [Data("b".utf8)], reader: storage)
        }
        #expect(throws: TileError.corruptTile(TileID(level: 0, index: 0, width: 2))) {
            try Tile(data: Data(count: 63), id: TileID(level: 0, index: 0, width: 2))
        }
    }
}
