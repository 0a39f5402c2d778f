import Foundation

/// An upper bound on the weight any schedule can place: the lowest of three relaxations of the integer program
/// (each meeting in at most one of its pair's common slots; each participant in at most one meeting per slot;
/// at most the slot's tables per slot). `DegreeDual` keeps only each participant's number of usable slots and the
/// total of tables; the Lagrangian relaxation here prices each participant's slots and each slot's tables
/// separately, so each meeting picks its best slot alone, and subgradient steps lower it from the first one's
/// prices; half the sum of each participant's heaviest meetings that fit their slots is the third. For any
/// prices ≥ 0 each value is a bound, so the result never falls below the optimum.
struct ScheduleBound {
    let state: ScheduleState

    init(_ state: ScheduleState) {
        self.state = state
    }

    func upperBound(placedWeight: Int, dualSteps: Int, iterations: Int) -> Int {
        let dual = DegreeDual(state)
        let target = Double(placedWeight)
        var degree = dual.coordinateDescent(from: dual.zero)
        degree = dual.subgradient(from: degree, target: target, steps: dualSteps)
        degree = dual.coordinateDescent(from: degree.prices)
        let best = min(
            participantBound(), degree.value,
            lagrangianBound(from: degree.prices, target: target, iterations: iterations))
        // Weights are integers, so is the optimum; the tolerance absorbs rounding in the sums.
        return Int((best + 1e-6).rounded(.down))
    }

    /// Half the sum, over participants, of their heaviest meetings that fit in their available slots.
    func participantBound() -> Double {
        let slotCount = state.slotCount
        let participants = slotCount == 0 ? 0 : state.available.count / slotCount
        var weights = [[Int]](repeating: [], count: participants)
        for meeting in 0..<state.meetingCount where !state.common(meeting).isEmpty {
            weights[state.first[meeting]].append(state.weight[meeting])
            weights[state.second[meeting]].append(state.weight[meeting])
        }
        var total = 0
        for participant in 0..<participants where !weights[participant].isEmpty {
            let slots = (0..<slotCount).filter { state.available[participant * slotCount + $0] }.count
            total += weights[participant].sorted(by: >).prefix(slots).reduce(0, +)
        }
        return Double(total) / 2
    }

    /// Starts from the participants' prices in every slot they can use, where the value is the degree bound, and
    /// lowers it from there.
    func lagrangianBound(from prices: [Double], target: Double, iterations: Int) -> Double {
        let slotCount = state.slotCount
        var personPrice = [Double](repeating: 0, count: state.available.count)
        for meeting in 0..<state.meetingCount {
            for slot in state.common(meeting) {
                personPrice[state.first[meeting] * slotCount + slot] = prices[state.first[meeting]]
                personPrice[state.second[meeting] * slotCount + slot] = prices[state.second[meeting]]
            }
        }
        var slotPrice = [Double](repeating: prices.last ?? 0, count: slotCount)
        var personUse = [Double](repeating: 0, count: state.available.count)
        var slotUse = [Double](repeating: 0, count: slotCount)
        var best = Double.infinity
        var theta = 0.5
        var sinceBest = 0
        for _ in 0..<max(1, iterations) {
            for index in personUse.indices { personUse[index] = 0 }
            for index in slotUse.indices { slotUse[index] = 0 }
            var value = personPrice.reduce(0, +)
            for slot in 0..<slotCount { value += slotPrice[slot] * Double(state.tables[slot]) }
            for meeting in 0..<state.meetingCount {
                let first = state.first[meeting] * slotCount
                let second = state.second[meeting] * slotCount
                let weight = Double(state.weight[meeting])
                var bestSlot = -1
                var bestGain = 0.0
                for slot in state.common(meeting) {
                    let gain = weight - personPrice[first + slot] - personPrice[second + slot] - slotPrice[slot]
                    if gain > bestGain {
                        bestGain = gain
                        bestSlot = slot
                    }
                }
                guard bestSlot >= 0 else { continue }
                value += bestGain
                personUse[first + bestSlot] += 1
                personUse[second + bestSlot] += 1
                slotUse[bestSlot] += 1
            }
            if value < best - 1e-9 {
                best = value
                sinceBest = 0
            } else {
                sinceBest += 1
                if sinceBest >= 8 {
                    theta /= 2
                    sinceBest = 0
                }
            }
            // The subgradient is slack = capacity − use; a price at zero with slack stays at zero.
            var norm = 0.0
            for index in personPrice.indices where state.available[index] {
                let slack = 1 - personUse[index]
                if personPrice[index] > 0 || slack < 0 { norm += slack * slack }
            }
            for slot in 0..<slotCount {
                let slack = Double(state.tables[slot]) - slotUse[slot]
                if slotPrice[slot] > 0 || slack < 0 { norm += slack * slack }
            }
            let distance = best - target
            if norm == 0 || distance < 0.5 || theta < 1e-4 { break }
            let step = theta * max(distance, 1) / norm
            for index in personPrice.indices where state.available[index] {
                personPrice[index] = max(0, personPrice[index] - step * (1 - personUse[index]))
            }
            for slot in 0..<slotCount {
                slotPrice[slot] = max(0, slotPrice[slot] - step * (Double(state.tables[slot]) - slotUse[slot]))
            }
        }
        return best
    }
}
