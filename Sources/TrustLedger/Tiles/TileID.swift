/// Identifies a tlog-tiles resource: a Merkle tile at some level or an entry bundle, with its width.
public struct TileID: Hashable, Sendable, CustomStringConvertible {
    /// What a tile holds.
    public enum Kind: Hashable, Sendable {
        /// Hashes at tile level `level`, which are Merkle tree hashes at tree level `8 × level`.
        case hashes(level: Int)
        /// Length-prefixed log entries, parallel to level-0 tiles.
        case entries
    }

    /// Hashes or entries in a full tile.
    public static let fullWidth = 256

    /// What the tile holds.
    public let kind: Kind
    /// The tile's position within its level.
    public let index: UInt64
    /// The number of hashes or entries, 1 to 256; below 256 the tile is partial.
    public let width: Int

    /// Creates a tile identifier; `width` must be 1...256 and a hash level 0...63.
    public init(kind: Kind, index: UInt64, width: Int) {
        precondition((1...Self.fullWidth).contains(width), "tile width must be 1...256")
        if case .hashes(let level) = kind { precondition((0...63).contains(level), "tile level must be 0...63") }
        self.kind = kind
        self.index = index
        self.width = width
    }

    /// Creates the identifier of a hash tile.
    public init(level: Int, index: UInt64, width: Int) {
        self.init(kind: .hashes(level: level), index: index, width: width)
    }

    /// Whether the tile holds fewer than 256 hashes or entries.
    public var isPartial: Bool {
        width < Self.fullWidth
    }

    /// The resource path, e.g. `tile/0/x001/x234/067.p/8` or `tile/entries/000`.
    public var path: String {
        let level =
            switch kind {
            case .hashes(let level): String(level)
            case .entries: "entries"
            }
        return "tile/\(level)/\(Self.encode(index: index))" + (isPartial ? ".p/\(width)" : "")
    }

    /// The path.
    public var description: String {
        path
    }

    /// Parses a resource path in its one canonical form, or returns nil.
    public init?(path: String) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.removeFirst() == "tile" else { return nil }
        let levelPart = parts.removeFirst()
        let kind: Kind
        if levelPart == "entries" {
            kind = .entries
        } else {
            guard let level = Self.decimal(levelPart), level <= 63 else { return nil }
            kind = .hashes(level: Int(level))
        }
        var width = Self.fullWidth
        if parts.count >= 2, parts[parts.count - 2].hasSuffix(".p") {
            guard let parsed = Self.decimal(parts.removeLast()), (1..<UInt64(Self.fullWidth)).contains(parsed) else {
                return nil
            }
            width = Int(parsed)
            parts[parts.count - 1] = parts[parts.count - 1].dropLast(2)
        }
        guard let index = Self.decode(index: parts) else { return nil }
        self.init(kind: kind, index: index, width: width)
    }

    private static func encode(index: UInt64) -> String {
        var groups = [pad(index % 1000)]
        var rest = index / 1000
        while rest > 0 {
            groups.append("x" + pad(rest % 1000))
            rest /= 1000
        }
        return groups.reversed().joined(separator: "/")
    }

    private static func pad(_ group: UInt64) -> String {
        let digits = String(group)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }

    private static func decode(index groups: [Substring]) -> UInt64? {
        guard let last = groups.last else { return nil }
        var index: UInt64 = 0
        for (position, group) in groups.enumerated() {
            let isLast = position == groups.count - 1
            var digits = group
            if !isLast {
                guard digits.hasPrefix("x") else { return nil }
                digits = digits.dropFirst()
                // A leading x000 group would be a second spelling of the same index.
                guard position > 0 || digits != "000" else { return nil }
            }
            guard digits.count == 3, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = UInt64(digits)
            else { return nil }
            let (scaled, overflow) = index.multipliedReportingOverflow(by: 1000)
            let (sum, carry) = scaled.addingReportingOverflow(value)
            guard !overflow, !carry else { return nil }
            index = sum
        }
        return last.isEmpty ? nil : index
    }

    private static func decimal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), text == "0" || !text.hasPrefix("0")
        else { return nil }
        return UInt64(text)
    }
}
