import Foundation

/// The dual of the relaxation that keeps only "each participant meets at most as often as they have usable
/// slots" and "no more meetings than tables in all". With a price π_p per participant and μ for the tables,
/// Σ_p capacity_p·π_p + tables·μ + Σ_m max(0, w_m − π_first − π_second − μ) bounds every schedule, for any
/// prices ≥ 0. Participants and the tables are "resources" here; the last one is the tables.
struct DegreeDual {
    let weight: [Double]
    /// The resources each meeting uses: its two participants and the tables.
    let uses: [(Int, Int, Int)]
    let capacity: [Double]
    let incident: [[Int]]

    init(_ state: ScheduleState) {
        let slotCount = state.slotCount
        let participants = slotCount == 0 ? 0 : state.available.count / slotCount
        var usable = [Bool](repeating: false, count: participants * slotCount)
        var meetings: [Int] = []
        for meeting in 0..<state.meetingCount where !state.common(meeting).isEmpty {
            meetings.append(meeting)
            for slot in state.common(meeting) {
                usable[state.first[meeting] * slotCount + slot] = true
                usable[state.second[meeting] * slotCount + slot] = true
            }
        }
        var capacity = (0..<participants).map { participant in
            Double((0..<slotCount).filter { usable[participant * slotCount + $0] }.count)
        }
        var tables = 0
        for slot in 0..<slotCount {
            let present = (0..<participants).filter { state.available[$0 * slotCount + slot] }.count
            tables += max(0, min(state.tables[slot], present / 2))
        }
        capacity.append(Double(tables))
        weight = meetings.map { Double(state.weight[$0]) }
        uses = meetings.map { (state.first[$0], state.second[$0], participants) }
        var incident = [[Int]](repeating: [], count: participants + 1)
        for (index, use) in uses.enumerated() {
            incident[use.0].append(index)
            incident[use.1].append(index)
            incident[use.2].append(index)
        }
        self.capacity = capacity
        self.incident = incident
    }

    var zero: [Double] { [Double](repeating: 0, count: capacity.count) }

    func net(_ index: Int, _ price: [Double]) -> Double {
        let use = uses[index]
        return weight[index] - price[use.0] - price[use.1] - price[use.2]
    }

    func value(_ price: [Double]) -> Double {
        var total = 0.0
        for resource in capacity.indices { total += capacity[resource] * price[resource] }
        for index in uses.indices { total += max(0, net(index, price)) }
        return total
    }

    /// Exact minimisation in one price at a time: a price is the (capacity+1)-th largest net weight of the
    /// meetings that use it. Fast, but it can stall where two prices would have to move together.
    func coordinateDescent(from start: [Double], sweeps: Int = 40) -> (prices: [Double], value: Double) {
        var price = start
        var best = (prices: price, value: value(price))
        var nets: [Double] = []
        for _ in 0..<sweeps {
            var changed = false
            for resource in capacity.indices where Double(incident[resource].count) > capacity[resource] {
                nets.removeAll(keepingCapacity: true)
                for index in incident[resource] { nets.append(net(index, price) + price[resource]) }
                nets.sort(by: >)
                let updated = max(0, nets[Int(capacity[resource])])
                if abs(updated - price[resource]) > 1e-12 {
                    price[resource] = updated
                    changed = true
                }
            }
            let current = value(price)
            if current < best.value { best = (price, current) }
            if !changed { break }
        }
        return best
    }

    /// Projected subgradient steps (Polyak's step toward `target`, a weight some schedule reaches), which move
    /// all prices at once and so get past where coordinate descent stalls.
    func subgradient(from start: (prices: [Double], value: Double), target: Double, steps: Int)
        -> (prices: [Double], value: Double)
    {
        var price = start.prices
        var best = start
        var theta = 1.0
        var sinceBest = 0
        var use = zero
        for _ in 0..<steps {
            guard best.value - target >= 0.5, theta > 1e-4 else { break }
            for resource in use.indices { use[resource] = 0 }
            var current = 0.0
            for resource in capacity.indices { current += capacity[resource] * price[resource] }
            for index in uses.indices {
                let gain = net(index, price)
                guard gain > 0 else { continue }
                current += gain
                use[uses[index].0] += 1
                use[uses[index].1] += 1
                use[uses[index].2] += 1
            }
            if current < best.value - 1e-9 {
                best = (price, current)
                sinceBest = 0
            } else {
                sinceBest += 1
                if sinceBest >= 10 {
                    theta /= 2
                    sinceBest = 0
                }
            }
            var norm = 0.0
            for resource in capacity.indices {
                let slack = capacity[resource] - use[resource]
                if price[resource] > 0 || slack < 0 { norm += slack * slack }
            }
            guard norm > 0 else { break }
            let step = theta * (current - target) / norm
            for resource in capacity.indices {
                price[resource] = max(0, price[resource] - step * (capacity[resource] - use[resource]))
            }
        }
        return best
    }
}
