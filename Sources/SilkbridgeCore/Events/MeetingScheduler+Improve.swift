import Foundation

extension MeetingScheduler {
    /// Places what the greedy pass left out by moving placed meetings aside, and lets a meeting push out
    /// lighter ones when the schedule gains weight. Every accepted step raises the placed weight, so it ends.
    func improve(_ state: ScheduleState) {
        state.logging = true
        defer { state.logging = false }
        let order = order(state)
        for _ in 0..<options.improvementRounds {
            var improved = false
            for meeting in order where state.slotOf[meeting] < 0 {
                var budget = options.chainBudget
                if insert(meeting, depth: options.chainDepth, avoiding: -1, budget: &budget, state)
                    || exchange(meeting, state) || displace(meeting, state) || insertPushingOut(meeting, state)
                {
                    improved = true
                }
            }
            if !improved { break }
        }
    }

    /// Places `meeting`, moving up to `depth` others out of its way along a chain; on failure nothing changes.
    func insert(_ meeting: Int, depth: Int, avoiding: Int, budget: inout Int, _ state: ScheduleState) -> Bool {
        if let slot = freeSlot(for: meeting, avoiding: avoiding, state) {
            state.place(meeting, at: slot)
            return true
        }
        // Moving meetings around cannot give a free slot to someone who meets at every slot they can make, nor
        // make room for one more meeting when every table is taken.
        guard depth > 0, state.spareTables > 0, !state.isFull(state.first[meeting]),
            !state.isFull(state.second[meeting])
        else { return false }
        for slot in state.common(meeting) where slot != avoiding {
            budget -= 1
            if budget < 0 { return false }
            let blockers = self.blockers(of: meeting, at: slot, state)
            guard let blockers else { continue }
            let mark = state.mark
            if blockers.isEmpty {
                // The slot is full, but not of the pair's meetings: move one of its meetings to a free table
                // elsewhere, trying a few.
                for other in state.members[slot].lazy.filter({ !state.fixed[$0] }).prefix(6) {
                    budget -= 1
                    if budget < 0 { return false }
                    state.remove(other)
                    state.place(meeting, at: slot)
                    if insert(other, depth: depth - 1, avoiding: slot, budget: &budget, state) { return true }
                    state.undo(to: mark)
                }
                continue
            }
            for blocker in blockers { state.remove(blocker) }
            state.place(meeting, at: slot)
            var moved = true
            for blocker in blockers where !insert(blocker, depth: depth - 1, avoiding: slot, budget: &budget, state) {
                moved = false
                break
            }
            if moved { return true }
            state.undo(to: mark)
        }
        return false
    }

    /// Places `meeting` instead of the pair's meetings at one of its slots when, after moving those elsewhere or
    /// giving their other participants another meeting in the freed slot, the placed weight rises: the
    /// alternating paths of matching, in slots.
    func exchange(_ meeting: Int, _ state: ScheduleState) -> Bool {
        swapIn(meeting, state) { other, slot in
            for participant in [state.first[other], state.second[other]] {
                fill(participant, at: slot, depth: 2, state)
            }
        }
    }

    /// Tries `meeting` at each of its slots in place of the meetings there: each one taken out goes to a free
    /// slot of its own or, if none, to `rehome`; the first attempt that raises the placed weight is kept.
    private func swapIn(_ meeting: Int, _ state: ScheduleState, rehome: (_ other: Int, _ slot: Int) -> Void) -> Bool {
        let before = state.placedWeight
        for slot in state.common(meeting) {
            guard let out = blockers(of: meeting, at: slot, state), !out.isEmpty else { continue }
            let mark = state.mark
            for other in out { state.remove(other) }
            state.place(meeting, at: slot)
            for other in out where state.slotOf[other] < 0 {
                if let free = freeSlot(for: other, avoiding: -1, state) {
                    state.place(other, at: free)
                } else {
                    rehome(other, slot)
                }
            }
            if state.placedWeight > before { return true }
            state.undo(to: mark)
        }
        return false
    }

    /// Gives a participant who is free at `slot` one of their meetings that are out, if necessary in place of
    /// the partner's meeting there, recursively; keeps the moves only if the placed weight rises.
    private func fill(_ participant: Int, at slot: Int, depth: Int, _ state: ScheduleState) {
        guard state.meeting(of: participant, at: slot) < 0 else { return }
        let before = state.placedWeight
        for meeting in state.meetingsByParticipant[participant]
        where state.slotOf[meeting] < 0 && state.canMeet(meeting, at: slot) {
            let partner = state.partner(of: participant, in: meeting)
            let other = state.meeting(of: partner, at: slot)
            if other < 0 {
                guard state.load[slot] < state.tables[slot] else { continue }
                state.place(meeting, at: slot)
                return
            }
            guard depth > 0, !state.fixed[other], state.weight[other] <= state.weight[meeting] else { continue }
            let mark = state.mark
            state.remove(other)
            state.place(meeting, at: slot)
            if let free = freeSlot(for: other, avoiding: -1, state) {
                state.place(other, at: free)
            } else {
                fill(state.partner(of: partner, in: other), at: slot, depth: depth - 1, state)
            }
            if state.placedWeight > before { return }
            state.undo(to: mark)
        }
    }

    /// The pair's meetings in the way at `slot` (empty if only the slot's tables are), or `nil` if one of them
    /// is fixed.
    func blockers(of meeting: Int, at slot: Int, _ state: ScheduleState) -> [Int]? {
        var blockers: [Int] = []
        for participant in [state.first[meeting], state.second[meeting]] {
            let other = state.meeting(of: participant, at: slot)
            guard other >= 0 else { continue }
            if state.fixed[other] { return nil }
            if !blockers.contains(other) { blockers.append(other) }
        }
        return blockers
    }

    /// A slot where the meeting fits as things are, preferring one next to the pair's other meetings.
    func freeSlot(for meeting: Int, avoiding: Int, _ state: ScheduleState) -> Int? {
        var best = -1
        var bestScore = -1
        for slot in state.common(meeting) where slot != avoiding && state.fits(meeting, at: slot) {
            let score = adjacency(meeting, slot, state)
            if score > bestScore {
                best = slot
                bestScore = score
            }
        }
        return best >= 0 ? best : nil
    }

    /// Places `meeting` where the meetings in its way weigh least, if they weigh less than it; they are then
    /// placed elsewhere if they can be, and left out if not.
    private func insertPushingOut(_ meeting: Int, _ state: ScheduleState) -> Bool {
        var bestSlot = -1
        var bestLoss = state.weight[meeting]
        var bestOut: [Int] = []
        for slot in state.common(meeting) {
            guard var out = blockers(of: meeting, at: slot, state) else { continue }
            if out.isEmpty {
                guard
                    let lightest = state.members[slot].filter({ !state.fixed[$0] }).min(by: {
                        state.weight[$0] < state.weight[$1]
                    })
                else { continue }
                out = [lightest]
            }
            let loss = out.reduce(0) { $0 + state.weight[$1] }
            if loss < bestLoss {
                bestSlot = slot
                bestLoss = loss
                bestOut = out
            }
        }
        guard bestSlot >= 0 else { return false }
        for other in bestOut { state.remove(other) }
        state.place(meeting, at: bestSlot)
        for other in bestOut {
            var budget = options.chainBudget
            let mark = state.mark
            if !insert(other, depth: options.chainDepth - 1, avoiding: bestSlot, budget: &budget, state) {
                state.undo(to: mark)
            }
        }
        return true
    }

    /// Places `meeting` instead of the pair's meetings at one of its slots, and each of those where its own pair
    /// is free instead of a lighter meeting, when the placed weight rises: when every table is taken, a heavy
    /// meeting gets in two steps where no single slot has a lighter meeting its pair could take.
    func displace(_ meeting: Int, _ state: ScheduleState) -> Bool {
        swapIn(meeting, state) { other, _ in replaceLighter(other, state) }
    }

    /// Puts `meeting` in place of the lightest meeting lighter than it in a slot where its pair is free.
    private func replaceLighter(_ meeting: Int, _ state: ScheduleState) {
        var best = (slot: -1, out: -1, weight: state.weight[meeting])
        for slot in state.common(meeting)
        where state.meeting(of: state.first[meeting], at: slot) < 0
            && state.meeting(of: state.second[meeting], at: slot) < 0
        {
            for other in state.members[slot] where !state.fixed[other] && state.weight[other] < best.weight {
                best = (slot, other, state.weight[other])
                if best.weight <= 1 { break }
            }
            if best.weight <= 1 { break }
        }
        guard best.slot >= 0 else { return }
        state.remove(best.out)
        state.place(meeting, at: best.slot)
    }
}
