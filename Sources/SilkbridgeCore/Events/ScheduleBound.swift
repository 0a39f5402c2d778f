import Foundation

/// An upper bound on the weight any schedule can place, from the Lagrangian relaxation of the integer program
/// (each meeting in at most one of its pair's common slots; each participant in at most one meeting per slot;
/// at most the slot's tables per slot). Relaxing the participant and table constraints with prices λ ≥ 0 and
/// μ ≥ 0 lets each meeting pick its best slot alone, and for any prices the value is a bound; subgradient
/// steps lower it toward the linear relaxation's optimum. A per-participant bound (each person meets at most
/// once in each slot they can make) is kept when it is lower.
struct ScheduleBound {
    let state: ScheduleState

    init(_ state: ScheduleState) {
        self.state = state
    }

    func upperBound(placedWeight: Int, iterations: Int) -> Int {
        let degree = degreePrices()
        let best = min(
            participantBound(), degree.value,
            lagrangianBound(from: degree.prices, target: Double(placedWeight), iterations: iterations))
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

    /// How many meetings each participant can have at most: the slots they can make with anyone they are to meet.
    func capacities() -> [Int] {
        let slotCount = state.slotCount
        let participants = slotCount == 0 ? 0 : state.available.count / slotCount
        var usable = [Bool](repeating: false, count: participants * slotCount)
        for meeting in 0..<state.meetingCount {
            for slot in state.common(meeting) {
                usable[state.first[meeting] * slotCount + slot] = true
                usable[state.second[meeting] * slotCount + slot] = true
            }
        }
        return (0..<participants).map { participant in
            (0..<slotCount).reduce(0) { $0 + (usable[participant * slotCount + $1] ? 1 : 0) }
        }
    }

    /// Prices π ≥ 0 for the relaxation that keeps only "each participant meets at most as often as they have
    /// usable slots" and "no more meetings than tables in all": with μ the price of the tables,
    /// Σ_p capacity_p·π_p + tables·μ + Σ_m max(0, w_m − π_first − π_second − μ) bounds every schedule. Found by
    /// exact minimisation in one price at a time (a price is the (capacity+1)-th largest net weight of the
    /// meetings that use it), which converges in a few sweeps in practice. The last price is μ.
    func degreePrices(sweeps: Int = 40) -> (prices: [Double], value: Double) {
        var capacity = capacities()
        let participants = capacity.count
        var tables = 0
        for slot in 0..<state.slotCount {
            let present = (0..<participants).filter { state.available[$0 * state.slotCount + slot] }.count
            tables += min(state.tables[slot], present / 2)
        }
        capacity.append(tables)
        var incident = [[Int]](repeating: [], count: participants + 1)
        for meeting in 0..<state.meetingCount where !state.common(meeting).isEmpty {
            incident[state.first[meeting]].append(meeting)
            incident[state.second[meeting]].append(meeting)
            incident[participants].append(meeting)
        }
        var price = [Double](repeating: 0, count: participants + 1)
        func net(_ meeting: Int) -> Double {
            Double(state.weight[meeting]) - price[state.first[meeting]] - price[state.second[meeting]]
                - price[participants]
        }
        func value() -> Double {
            var total = 0.0
            for resource in 0...participants { total += Double(capacity[resource]) * price[resource] }
            for meeting in incident[participants] { total += max(0, net(meeting)) }
            return total
        }
        var best = (prices: price, value: value())
        var nets: [Double] = []
        for _ in 0..<sweeps {
            var changed = false
            for resource in 0...participants where incident[resource].count > capacity[resource] {
                nets.removeAll(keepingCapacity: true)
                for meeting in incident[resource] { nets.append(net(meeting) + price[resource]) }
                nets.sort(by: >)
                let updated = max(0, nets[capacity[resource]])
                if abs(updated - price[resource]) > 1e-12 {
                    price[resource] = updated
                    changed = true
                }
            }
            let current = value()
            if current < best.value { best = (price, current) }
            if !changed { break }
        }
        return best
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
