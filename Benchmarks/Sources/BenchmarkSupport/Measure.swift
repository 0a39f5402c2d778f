import Foundation

/// Timing, memory and statistics helpers shared by the benchmarks.
public enum Measure {
    public static let clock = ContinuousClock()

    /// Runs `body` and returns its result with the wall-clock milliseconds it took.
    public static func milliseconds<T>(_ body: () throws -> T) rethrows -> (result: T, milliseconds: Double) {
        let start = clock.now
        let result = try body()
        return (result, milliseconds(since: start))
    }

    /// Wall-clock milliseconds since `start`, for timing work that awaits.
    public static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        seconds(clock.now - start) * 1e3
    }

    public static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// CPU milliseconds of the calling thread, which other processes on a busy machine do not inflate.
    public static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) * 1e-6
    }

    /// Resident memory in MiB, from Linux's /proc; nil elsewhere.
    public static func residentMemory() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ")[1])
        else { return nil }
        return kilobytes / 1024
    }

    public static func median(_ values: [Double]) -> Double {
        percentile(values, 0.5)
    }

    public static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
    }

    public static func format(_ value: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }
}
