/// Numbers the codes it meets (areas, or sub-topics) as bits of a 64-bit set, so that two opportunities'
/// overlap is a couple of bit operations. The catalog has fewer than 64 of each; any beyond share the last bit.
struct CodeBits: Sendable {
    private var numbers: [String: Int] = [:]

    mutating func bits<S: Sequence>(_ codes: S) -> UInt64 where S.Element == String {
        codes.reduce(0) { bits, code in
            let number = numbers[code] ?? min(numbers.count, 63)
            if numbers[code] == nil, numbers.count < 63 { numbers[code] = number }
            return bits | (1 << UInt64(number))
        }
    }

    static func bits(_ partnerships: Set<PartnershipType>) -> UInt64 {
        partnerships.reduce(0) { $0 | (1 << UInt64(PartnershipType.allCases.firstIndex(of: $1)!)) }
    }

    /// Shared bits over all bits, 0 when both are empty.
    static func jaccard(_ first: UInt64, _ second: UInt64) -> Double {
        let union = (first | second).nonzeroBitCount
        return union == 0 ? 0 : Double((first & second).nonzeroBitCount) / Double(union)
    }
}
