/// Pauses that double from a first to a last length, for polling that should be quick when work arrives and
/// cheap when none does.
struct BackOff: Sendable {
    let first: Duration
    let last: Duration

    init(from first: Duration, to last: Duration) {
        self.first = first
        self.last = last
    }

    func next(after pause: Duration) -> Duration {
        min(pause * 2, last)
    }
}
