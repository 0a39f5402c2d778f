import Foundation

/// An entry bundle: up to 256 log entries, each preceded by its length as a big-endian uint16.
public struct EntryBundle: Hashable, Sendable {
    /// The longest entry a uint16 length prefix can describe.
    public static let maxEntrySize = Int(UInt16.max)

    /// The entries, in log order.
    public let entries: [Data]

    /// Creates a bundle, rejecting entries longer than 65,535 bytes.
    public init(entries: [Data]) throws(TileError) {
        if let large = entries.first(where: { $0.count > Self.maxEntrySize }) { throw .entryTooLarge(large.count) }
        self.entries = entries
    }

    /// Decodes bundle bytes.
    public init(data: Data) throws(TileError) {
        let bytes = [UInt8](data)
        var entries: [Data] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 2 <= bytes.count else { throw .malformedEntryBundle }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            offset += 2
            guard offset + length <= bytes.count else { throw .malformedEntryBundle }
            entries.append(Data(bytes[offset..<(offset + length)]))
            offset += length
        }
        self.entries = entries
    }

    /// The bundle bytes.
    public var data: Data {
        var data = Data()
        for entry in entries {
            data.append(contentsOf: [UInt8(entry.count >> 8), UInt8(entry.count & 0xFF)])
            data.append(entry)
        }
        return data
    }
}
