import Foundation
import TrustLedger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A witness's record of the latest tree head it cosigned per log, in one small JSON file that is replaced
/// atomically (write, flush, rename), so a crash leaves either the old record or the new one.
public actor FileWitnessState: WitnessState {
    private struct Record: Codable {
        var size: UInt64
        var rootHash: String
    }

    private let path: String
    private var heads: [String: TreeHead]

    /// Opens the state file, or starts empty if there is none yet.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            heads = [:]
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
    }

    public func latest(origin: String) -> TreeHead? {
        heads[origin]
    }

    public func compareAndSwap(origin: String, expected: TreeHead?, new: TreeHead) throws -> Bool {
        guard heads[origin] == expected else { return false }
        var updated = heads
        updated[origin] = new
        try save(updated)
        heads = updated
        return true
    }

    private func save(_ heads: [String: TreeHead]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(
            heads.mapValues { Record(size: $0.size, rootHash: $0.rootHash.base64EncodedString()) })
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
