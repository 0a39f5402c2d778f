import Foundation

/// Where a reader of a change feed stands: the newest change time it has seen, and when it last read.
///
/// A transaction stamped earlier may commit later than one stamped after it, so a read goes back a margin before
/// the last read, never just to the watermark; but only before the last read: once that is more than the margin
/// in the past, everything stamped before it has committed and was seen, and a quiet directory is not read again.
struct ChangeCursor: Sendable {
    /// How long a transaction may take between stamping its rows and committing them.
    static let margin: TimeInterval = 5

    private(set) var watermark: Date?
    private(set) var readAt: Date?

    /// Read rows changed at or after this; nil reads everything.
    var since: Date? {
        guard let watermark else { return nil }
        return min(watermark, (readAt ?? watermark).addingTimeInterval(-Self.margin))
    }

    /// After a read that started at `start` and saw rows changed up to `newest`.
    mutating func advance(newest: Date?, readStartedAt start: Date) {
        if let newest { watermark = max(newest, watermark ?? newest) }
        readAt = start
    }
}

/// The organisations and opportunities changed since a cursor: how the in-process indexes (search and matching)
/// catch up with writes made by other processes, without reading everything again.
struct DirectoryChanges: Sendable {
    let organizations: [Organization]
    let opportunities: [Opportunity]

    /// Everything changed since the cursor, and the cursor moved past it.
    static func read(from source: any SearchSource, after cursor: inout ChangeCursor) async throws
        -> DirectoryChanges
    {
        let start = Date()
        let since = cursor.since
        let changes = DirectoryChanges(
            organizations: try await source.organizations(changedSince: since),
            opportunities: try await source.opportunities(changedSince: since))
        cursor.advance(
            newest: (changes.organizations.map(\.updatedAt) + changes.opportunities.map(\.updatedAt)).max(),
            readStartedAt: start)
        return changes
    }
}
