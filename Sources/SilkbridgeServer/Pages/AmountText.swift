import Foundation
import SilkbridgeCore

/// Amounts as pages show them: thousands grouped with commas, as both English and Chinese financial texts write
/// them (`1,250,000.50 EUR`). Files and the API keep the plain decimals.
enum AmountText {
    static func grouped(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.allSatisfy(\.isNumber) else { return plain }
        var groups: [Substring] = []
        var end = whole.endIndex
        while end > whole.startIndex {
            let start = whole.index(end, offsetBy: -3, limitedBy: whole.startIndex) ?? whole.startIndex
            groups.insert(whole[start..<end], at: 0)
            end = start
        }
        let text = groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
        return (negative ? "-" : "") + text
    }

    static func money(_ money: Money) -> String { "\(grouped(money.text)) \(money.currency)" }
}
