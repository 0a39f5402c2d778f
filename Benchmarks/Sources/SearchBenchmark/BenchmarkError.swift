/// Why the benchmark stopped before measuring.
enum BenchmarkError: Error, CustomStringConvertible {
    case badOption(String)

    var description: String {
        switch self {
        case .badOption(let option): "cannot use \(option)"
        }
    }
}
