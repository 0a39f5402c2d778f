import Foundation

/// Lets one change at a time through per event in this process, so that checks made before an insert (the request
/// cap, duplicate pairs, the capacity) still hold when it lands. Changes to different events run side by side.
actor EventGate {
    private var busy: Set<UUID> = []
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    func run<T: Sendable>(_ eventId: UUID, _ work: @Sendable () async throws -> T) async throws -> T {
        await enter(eventId)
        defer { leave(eventId) }
        return try await work()
    }

    private func enter(_ eventId: UUID) async {
        guard busy.contains(eventId) else {
            busy.insert(eventId)
            return
        }
        await withCheckedContinuation { waiting[eventId, default: []].append($0) }
    }

    /// Hands the event to the next waiting change, if any.
    private func leave(_ eventId: UUID) {
        guard var queue = waiting[eventId], !queue.isEmpty else {
            busy.remove(eventId)
            return
        }
        let next = queue.removeFirst()
        waiting[eventId] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
