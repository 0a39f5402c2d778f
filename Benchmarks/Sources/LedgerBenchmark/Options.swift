/// Command-line options of the ledger benchmark.
struct Options {
    var postgresURL: String?
    var runs = 3
    var seconds = 3.0
    var batch = 256
    var delayMilliseconds = 0
    var proofs = 500

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            guard let value = iterator.next() else { fatalError("\(name) needs a value") }
            switch name {
            case "--postgres-url": postgresURL = value
            case "--runs": runs = Self.number(value, name)
            case "--seconds": seconds = Double(value) ?? { fatalError("--seconds needs a number") }()
            case "--batch": batch = Self.number(value, name)
            case "--delay-ms": delayMilliseconds = Self.number(value, name)
            case "--proofs": proofs = Self.number(value, name)
            default: fatalError("unknown option \(name)")
            }
        }
    }

    private static func number(_ text: String, _ name: String) -> Int {
        guard let value = Int(text), value > 0 else { fatalError("\(name) needs a positive integer") }
        return value
    }
}
