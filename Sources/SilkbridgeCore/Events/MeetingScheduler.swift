import Foundation

/// Places accepted meetings into slots and tables: first as much priority-weighted meeting as possible, then
/// fairer spreads and fewer idle gaps without losing any of it; with an upper bound on what any schedule
/// could place, so the result says how far from optimal it can be.
///
/// The method: locked meetings stay where they were published if they still can; a greedy pass places the
/// rest by weight net of the bound's prices, most constrained first; then ejection chains (move a placed meeting
/// to another free slot of its pair to make room, up to `chainDepth` moves deep), alternating exchanges (take
/// the place of a pair's meeting and give its freed partner another meeting there, as augmenting paths do in
/// matching), displacing (the pair's meeting takes a lighter one's table elsewhere) and pushing out lighter
/// meetings place what the greedy pass left whenever the weight rises. Fairness and gap moves come last and
/// never change the placed weight.
public struct MeetingScheduler: Sendable {
    public struct Options: Sendable {
        /// How many meetings a chain may move to make room for one.
        public var chainDepth = 3
        /// How many slots a chain may try for one meeting.
        public var chainBudget = 3000
        /// Rounds of chains over the meetings still out.
        public var improvementRounds = 8
        /// Subgradient steps for the upper bound: over the participants' and tables' prices (cheap, one pass
        /// over the meetings each), and over every participant's slot (a pass over every meeting's slots each).
        public var dualSteps = 1000
        public var boundIterations = 300

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func schedule(_ problem: ScheduleProblem) -> ScheduleResult {
        let state = ScheduleState(problem)
        let dual = DegreeDual(state)
        let prices = dual.coordinateDescent(from: dual.zero)
        // Meetings with no common slot (or naming no real participant) are never placed, nor priced.
        state.reducedWeight = (0..<state.meetingCount).map {
            state.common($0).isEmpty
                ? -.infinity
                : Double(state.weight[$0]) - prices.prices[state.first[$0]] - prices.prices[state.second[$0]]
                    - (prices.prices.last ?? 0)
        }
        let kept = placeLocked(problem, in: state)
        placeGreedily(problem, in: state)
        improve(state)
        spreadFairly(state)
        reduceIdleGaps(state)
        let placements = assignTables(problem, state)
        return summarize(problem, state, placements: placements, kept: kept)
    }

    /// Keeps published meetings in their slots, heaviest first when two of them now clash.
    private func placeLocked(_ problem: ScheduleProblem, in state: ScheduleState) -> Int {
        let locked = problem.meetings.indices.filter { problem.meetings[$0].locked != nil }
            .sorted { problem.meetings[$0].weight > problem.meetings[$1].weight }
        var kept = 0
        for meeting in locked {
            let slot = problem.meetings[meeting].locked!.slot
            guard state.common(meeting).contains(slot), state.fits(meeting, at: slot) else { continue }
            state.place(meeting, at: slot)
            state.fixed[meeting] = true
            kept += 1
        }
        return kept
    }

    private func placeGreedily(_ problem: ScheduleProblem, in state: ScheduleState) {
        // How contested each slot is: every meeting spreads one unit over the slots it can use.
        var demand = [Double](repeating: 0, count: state.slotCount)
        for meeting in 0..<state.meetingCount where state.slotOf[meeting] < 0 {
            let slots = state.common(meeting)
            for slot in slots { demand[slot] += 1 / Double(slots.count) }
        }
        let pressure = demand.indices.map { demand[$0] / Double(max(1, state.tables[$0])) }
        for meeting in order(state, published: problem) where state.slotOf[meeting] < 0 {
            var best = -1
            var bestScore = Double.infinity
            for slot in state.common(meeting) where state.fits(meeting, at: slot) {
                let score = pressure[slot] - 0.01 * Double(adjacency(meeting, slot, state))
                if score < bestScore {
                    best = slot
                    bestScore = score
                }
            }
            if best >= 0 { state.place(meeting, at: best) }
        }
    }

    /// Highest weight net of the participants' prices in the bound first (the meetings the relaxation is sure
    /// of), then heaviest; among equals, previously published, then those with the fewest possible slots.
    func order(_ state: ScheduleState, published problem: ScheduleProblem? = nil) -> [Int] {
        (0..<state.meetingCount).filter { state.commonStart[$0] < state.commonStart[$0 + 1] }.sorted { lhs, rhs in
            let net = (state.reducedWeight[lhs], state.reducedWeight[rhs])
            if abs(net.0 - net.1) > 1e-9 { return net.0 > net.1 }
            if state.weight[lhs] != state.weight[rhs] { return state.weight[lhs] > state.weight[rhs] }
            if let problem {
                let published = (problem.meetings[lhs].locked != nil, problem.meetings[rhs].locked != nil)
                if published.0 != published.1 { return published.0 }
            }
            let slots = (state.common(lhs).count, state.common(rhs).count)
            return slots.0 != slots.1 ? slots.0 < slots.1 : lhs < rhs
        }
    }

    /// How many of the pair's neighbouring slots (same day) already hold one of their meetings.
    func adjacency(_ meeting: Int, _ slot: Int, _ state: ScheduleState) -> Int {
        var count = 0
        for neighbour in [slot - 1, slot + 1]
        where neighbour >= 0 && neighbour < state.slotCount && state.slotDays[neighbour] == state.slotDays[slot] {
            if state.meeting(of: state.first[meeting], at: neighbour) >= 0 { count += 1 }
            if state.meeting(of: state.second[meeting], at: neighbour) >= 0 { count += 1 }
        }
        return count
    }

    /// Numbers tables in each slot: kept meetings keep theirs, the others take the lowest free ones.
    private func assignTables(_ problem: ScheduleProblem, _ state: ScheduleState) -> [SchedulePlacement?] {
        var placements = [SchedulePlacement?](repeating: nil, count: state.meetingCount)
        for slot in 0..<state.slotCount {
            var taken = Set<Int>()
            var rest: [Int] = []
            for meeting in state.members[slot].sorted() {
                if state.fixed[meeting], let table = problem.meetings[meeting].locked?.table,
                    table >= 0, table < state.tables[slot], taken.insert(table).inserted
                {
                    placements[meeting] = SchedulePlacement(slot: slot, table: table)
                } else {
                    rest.append(meeting)
                }
            }
            var table = 0
            for meeting in rest {
                while taken.contains(table) { table += 1 }
                taken.insert(table)
                placements[meeting] = SchedulePlacement(slot: slot, table: table)
            }
        }
        return placements
    }

    private func summarize(
        _ problem: ScheduleProblem, _ state: ScheduleState, placements: [SchedulePlacement?], kept: Int
    ) -> ScheduleResult {
        var placedCount = 0
        var placedWeight = 0
        var movedLocked = 0
        var wanted = [Bool](repeating: false, count: problem.participantCount)
        for meeting in 0..<state.meetingCount {
            if let placement = placements[meeting] {
                placedCount += 1
                placedWeight += state.weight[meeting]
                if let locked = problem.meetings[meeting].locked, locked.slot != placement.slot { movedLocked += 1 }
            } else if problem.meetings[meeting].locked != nil {
                movedLocked += 1
            }
            if !state.common(meeting).isEmpty {
                wanted[state.first[meeting]] = true
                wanted[state.second[meeting]] = true
            }
        }
        let gaps = (0..<problem.participantCount).reduce(0) { $0 + state.idleGaps(of: $1) }
        let without = (0..<problem.participantCount).filter { wanted[$0] && state.meetingsOf[$0] == 0 }.count
        let bound = ScheduleBound(state).upperBound(
            placedWeight: placedWeight, dualSteps: options.dualSteps, iterations: options.boundIterations)
        return ScheduleResult(
            placements: placements, placedCount: placedCount, placedWeight: placedWeight,
            upperBound: bound, keptLocked: kept, movedLocked: movedLocked, idleGaps: gaps,
            participantsWithoutMeetings: without)
    }
}
