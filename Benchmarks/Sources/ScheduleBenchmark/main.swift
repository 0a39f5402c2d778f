// Schedules generated brokerage events of several sizes and reports meetings placed, the bound, idle gaps and
// time (median of several runs); writes each instance with our result as JSON for schedule-optimum.py, which
// solves the exact integer program and prints the share of the optimum reached.
// Usage (from Benchmarks/): swift run -c release ScheduleBenchmark [participants, default 200,600,1000]
//     [--runs N, default 5] [--seed N, default 2026] [--table-share X, default 0.35] [--out DIR]
import Foundation
import SilkbridgeCore

let options = ScheduleOptions(arguments: Array(CommandLine.arguments.dropFirst()))
print(
    "participants requests slots tables | placed weight  bound  weight/bound | greedy weight | idle gaps per person"
        + " (greedy)"
        + " | without | time median (min–max) ms")
for participants in options.sizes {
    // 3,500 requests for 600 participants, the target's ratio, at every size.
    let requests = participants * 35 / 6
    let generator = BrokerageGenerator(participants: participants, requests: requests, tableShare: options.tableShare)
    let problem = generator.problem(seed: options.seed)
    var times: [Double] = []
    var result: ScheduleResult?
    for _ in 0..<options.runs {
        let started = ContinuousClock.now
        result = MeetingScheduler().schedule(problem)
        times.append((ContinuousClock.now - started).milliseconds)
    }
    var greedyOnly = MeetingScheduler.Options()
    greedyOnly.improvementRounds = 0
    let greedy = MeetingScheduler(options: greedyOnly).schedule(problem)
    guard let result else { continue }
    let sorted = times.sorted()
    let median = sorted[sorted.count / 2]
    let line = [
        "\(participants)", "\(problem.meetings.count)", "\(problem.slotCount)", "\(problem.slotTables.first ?? 0)",
        "|", "\(result.placedCount)", "\(result.placedWeight)", "\(result.upperBound)",
        String(format: "%.4f", result.boundRatio), "|", "\(greedy.placedWeight)", "|",
        String(format: "%.2f", Double(result.idleGaps) / Double(participants)),
        String(format: "(%.2f)", Double(greedy.idleGaps) / Double(participants)), "|",
        "\(result.participantsWithoutMeetings)", "|",
        String(format: "%.1f (%.1f–%.1f)", median, sorted.first ?? 0, sorted.last ?? 0),
    ]
    print(line.joined(separator: " "))
    if let directory = options.outputDirectory {
        let instance = ScheduleInstance(
            problem: problem, placedCount: result.placedCount, placedWeight: result.placedWeight,
            upperBound: result.upperBound, medianMilliseconds: median)
        let folder = URL(fileURLWithPath: directory)
        let url = folder.appendingPathComponent("schedule-\(participants).json")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(instance).write(to: url)
        } catch {
            print("could not write \(url.path): \(error)")
        }
    }
}

/// What schedule-optimum.py reads: the problem and what we made of it.
struct ScheduleInstance: Encodable {
    let problem: ScheduleProblem
    let placedCount: Int
    let placedWeight: Int
    let upperBound: Int
    let medianMilliseconds: Double
}

struct ScheduleOptions {
    var sizes = [200, 600, 1000]
    var runs = 5
    var seed: UInt64 = 2026
    var tableShare = 0.35
    var outputDirectory: String?

    init(arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--runs": runs = max(1, Int(rest.popFirst() ?? "") ?? runs)
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--table-share": tableShare = Double(rest.popFirst() ?? "") ?? tableShare
            case "--out": outputDirectory = rest.popFirst()
            default:
                let sizes = argument.split(separator: ",").compactMap { Int($0) }
                if !sizes.isEmpty { self.sizes = sizes }
            }
        }
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
