import Foundation
import TrustLedger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A witness's record of the latest tree head it cosigned per log, with that checkpoint as it serves it, in one
/// small JSON file that is replaced atomically (write, flush, rename), so a crash leaves either the old record or
/// the new one.
public actor FileWitnessState: WitnessState {
    private struct Record: Codable {
        var size: UInt64
        var rootHash: String
        /// The cosigned note; absent in files written before the witness served its checkpoints.
        var checkpoint: String?
    }

    private let path: String
    private var heads: [String: TreeHead]
    private var checkpoints: [String: Data]

    /// Opens the state file, or starts empty if there is none yet.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            heads = [:]
            checkpoints = [:]
            return
        }
        let records = try JSONDecoder().decode(
            [String: Record].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        heads = try records.mapValues { record in
            guard let root = Data(base64Encoded: record.rootHash), root.count == MerkleHash.size else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
            }
            return TreeHead(size: record.size, rootHash: root)
        }
        checkpoints = records.compactMapValues { $0.checkpoint.map { Data($0.utf8) } }
    }

    public func latest(origin: String) -> TreeHead? {
        heads[origin]
    }

    public func latestCheckpoint(origin: String) -> Data? {
        checkpoints[origin]
    }

    public func compareAndSwap(origin: String, expected: TreeHead?, new: TreeHead, checkpoint: Data) throws -> Bool {
        guard heads[origin] == expected else { return false }
        var updatedHeads = heads
        updatedHeads[origin] = new
        var updatedCheckpoints = checkpoints
        updatedCheckpoints[origin] = checkpoint
        try save(updatedHeads, updatedCheckpoints)
        heads = updatedHeads
        checkpoints = updatedCheckpoints
        return true
    }

    private func save(_ heads: [String: TreeHead], _ checkpoints: [String: Data]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let records = Dictionary(
            uniqueKeysWithValues: heads.map { origin, head in
                (
                    origin,
                    Record(
                        size: head.size, rootHash: head.rootHash.base64EncodedString(),
                        checkpoint: checkpoints[origin].map { String(decoding: $0, as: UTF8.self) })
                )
            })
        let data = try encoder.encode(records)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try data.write(to: temporary)
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
