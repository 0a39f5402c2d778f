/// Pauses that double from a first to a last length, for polling that should be quick when work arrives and
/// cheap when none does.
package struct BackOff: Sendable {
    package let first: Duration
    package let last: Duration

    package init(from first: Duration, to last: Duration) {
        self.first = first
        self.last = last
    }

    package func next(after pause: Duration) -> Duration {
        min(pause * 2, last)
    }
}
