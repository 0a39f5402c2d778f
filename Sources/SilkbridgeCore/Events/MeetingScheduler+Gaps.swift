import Foundation

extension MeetingScheduler {
    /// Gives a meeting that was left out the place of one of the same weight whose participants have more
    /// meetings (the pair's meeting in its way, or any meeting of a full slot), when that makes the counts more
    /// even: Σ log(1 + meetings) over participants rises, so a first meeting counts for more than a tenth, and
    /// since it only rises this ends. The placed weight does not change.
    func spreadFairly(_ state: ScheduleState) {
        for _ in 0..<options.improvementRounds {
            var changed = false
            for meeting in 0..<state.meetingCount where state.slotOf[meeting] < 0 {
                var best = (change: -1e-9, slot: -1, out: -1)
                for slot in state.common(meeting) {
                    guard let out = blockers(of: meeting, at: slot, state), out.count <= 1 else { continue }
                    if out.isEmpty && state.load[slot] < state.tables[slot] { continue }
                    let candidates = out.isEmpty ? state.members[slot] : out
                    for other in candidates
                    where !state.fixed[other] && state.weight[other] == state.weight[meeting] {
                        let change = fairnessChange(adding: meeting, removing: other, state)
                        if change < best.change { best = (change, slot, other) }
                    }
                }
                guard best.slot >= 0 else { continue }
                state.remove(best.out)
                state.place(meeting, at: best.slot)
                // The one moved aside may still fit elsewhere, which only adds.
                if let free = freeSlot(for: best.out, avoiding: -1, state) { state.place(best.out, at: free) }
                changed = true
            }
            if !changed { break }
        }
    }

    /// How −Σ log(1 + meetings) changes if `adding` is placed and `removing` taken out; negative is fairer.
    private func fairnessChange(adding: Int, removing: Int, _ state: ScheduleState) -> Double {
        let people = [state.first[adding], state.second[adding], state.first[removing], state.second[removing]]
        let steps = [1, 1, -1, -1]
        var total = 0.0
        for (index, person) in people.enumerated() where !people[..<index].contains(person) {
            var delta = 0
            for (other, step) in zip(people, steps) where other == person { delta += step }
            let count = Double(state.meetingsOf[person])
            total += log(1 + count) - log(1 + count + Double(delta))
        }
        return total
    }

    /// Moves meetings to other free slots of their pair, and swaps the slots of two meetings of one participant,
    /// whenever that leaves fewer idle gaps in the days of the people concerned.
    func reduceIdleGaps(_ state: ScheduleState) {
        for _ in 0..<options.improvementRounds {
            var changed = false
            for meeting in 0..<state.meetingCount where state.slotOf[meeting] >= 0 && !state.fixed[meeting] {
                if moveToCloseGap(meeting, state) { changed = true }
            }
            for participant in 0..<(state.available.count / max(1, state.slotCount)) {
                if swapToCloseGap(participant, state) { changed = true }
            }
            if !changed { break }
        }
    }

    private func moveToCloseGap(_ meeting: Int, _ state: ScheduleState) -> Bool {
        let people = [state.first[meeting], state.second[meeting]]
        let before = people.reduce(0) { $0 + state.idleGaps(of: $1) }
        guard before > 0 else { return false }
        let origin = state.slotOf[meeting]
        var bestSlot = origin
        var best = before
        state.remove(meeting)
        for slot in state.common(meeting) where slot != origin && state.fits(meeting, at: slot) {
            state.place(meeting, at: slot)
            let after = people.reduce(0) { $0 + state.idleGaps(of: $1) }
            state.remove(meeting)
            if after < best {
                best = after
                bestSlot = slot
            }
        }
        state.place(meeting, at: bestSlot)
        return bestSlot != origin
    }

    /// Tries exchanging the slots of two of the participant's meetings, each partner free at the other slot.
    private func swapToCloseGap(_ participant: Int, _ state: ScheduleState) -> Bool {
        guard state.idleGaps(of: participant) > 0 else { return false }
        let mine = (0..<state.slotCount).map { state.meeting(of: participant, at: $0) }.filter {
            $0 >= 0 && !state.fixed[$0]
        }
        for (index, one) in mine.enumerated() {
            for other in mine[(index + 1)...] {
                let slotOne = state.slotOf[one]
                let slotOther = state.slotOf[other]
                guard state.slotDays[slotOne] == state.slotDays[slotOther] else { continue }
                let partnerOne = state.first[one] == participant ? state.second[one] : state.first[one]
                let partnerOther = state.first[other] == participant ? state.second[other] : state.first[other]
                guard state.common(one).contains(slotOther), state.common(other).contains(slotOne),
                    state.meeting(of: partnerOne, at: slotOther) < 0, state.meeting(of: partnerOther, at: slotOne) < 0
                else { continue }
                let people = [participant, partnerOne, partnerOther]
                let before = people.reduce(0) { $0 + state.idleGaps(of: $1) }
                state.remove(one)
                state.remove(other)
                state.place(one, at: slotOther)
                state.place(other, at: slotOne)
                if people.reduce(0, { $0 + state.idleGaps(of: $1) }) < before { return true }
                state.remove(one)
                state.remove(other)
                state.place(one, at: slotOne)
                state.place(other, at: slotOther)
            }
        }
        return false
    }
}
