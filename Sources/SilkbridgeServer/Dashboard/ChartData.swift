import Foundation
import SilkbridgeCore

/// The numbers behind one chart: categories (rows) and one or more series (columns), already labelled in the
/// page's language. The same values draw the SVG, fill the table beside it and make its CSV file.
struct ChartData: Sendable, Hashable {
    struct Series: Sendable, Hashable {
        let name: String
        let values: [Decimal]
    }

    /// The chart's name in links: `/dashboard/<id>.csv`.
    let id: String
    let title: String
    /// The heading of the categories' column in the table and the CSV.
    let categoryHeader: String
    let categories: [String]
    let series: [Series]
    /// The currency of amounts, written with its minor units (`1162706.20`) and named after each value in the
    /// table; nil for counts.
    var currency: CurrencyCode?

    var unit: String { currency.map { " \($0)" } ?? "" }

    /// A value as the table and the CSV write it.
    func text(_ value: Decimal) -> String {
        currency.map { Money(rounding: value, to: $0).text } ?? "\(value)"
    }

    var isEmpty: Bool { categories.isEmpty || series.allSatisfy { $0.values.allSatisfy(\.isZero) } }

    var maximum: Decimal { series.flatMap(\.values).max() ?? 0 }

    /// The table: a row per category with its value in each series.
    var rows: [[String]] {
        categories.indices.map { index in
            [categories[index]] + series.map { text($0.values.indices.contains(index) ? $0.values[index] : 0) }
        }
    }

    /// RFC 4180 CSV with a header row; fields with commas, quotes or line breaks are quoted.
    var csv: String {
        let header = [categoryHeader] + series.map(\.name)
        return ([header] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Text made safe for SVG and HTML.
enum Markup {
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with at most one decimal, so drawings are small and the same on every platform.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
