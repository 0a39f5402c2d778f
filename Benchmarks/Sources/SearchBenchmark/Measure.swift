import Foundation

/// Timing and memory helpers for the benchmark.
enum Measure {
    static let clock = ContinuousClock()

    /// Runs `body` and returns its result with the wall-clock milliseconds it took.
    static func milliseconds<T>(_ body: () throws -> T) rethrows -> (result: T, milliseconds: Double) {
        let start = clock.now
        let result = try body()
        return (result, milliseconds(since: start))
    }

    /// Wall-clock milliseconds since `start`, for timing work that awaits.
    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (clock.now - start).components
        return Double(elapsed.seconds) * 1e3 + Double(elapsed.attoseconds) * 1e-15
    }

    /// CPU milliseconds of the calling thread, which other processes on a busy machine do not inflate.
    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) * 1e-6
    }

    /// Resident memory in MiB, from Linux's /proc; nil elsewhere.
    static func residentMemory() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ")[1])
        else { return nil }
        return kilobytes / 1024
    }

    static func median(_ values: [Double]) -> Double {
        percentile(values, 0.5)
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
    }

    static func format(_ value: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }
}
