import Foundation

extension FundReport {
    /// The report as CSV (RFC 4180): one line per row, grouped by `group` (total, contributor, side, area,
    /// country, flow), both languages' names, plain decimal amounts and the currency. An empty cell means the
    /// column does not apply (pledges of an area).
    public var csv: String {
        var lines = ["group,key,name_en,name_zh,pledged,committed,disbursed,repaid,currency"]
        let line = { (group: String, row: ReportRow) in
            [
                group, row.key, Self.cell(row.label.english ?? ""), Self.cell(row.label.chinese ?? ""),
                row.pledged?.text ?? "", row.committed.text, row.disbursed.text, row.repaid.text, currency.code,
            ].joined(separator: ",")
        }
        lines.append(line("total", totals))
        lines += byContributor.map { line("contributor", $0) }
        lines += bySide.map { line("side", $0) }
        lines += byArea.map { line("area", $0) }
        lines += byCountry.map { line("country", $0) }
        for flow in flows {
            let names = Self.flowName(flow)
            lines.append(
                [
                    "flow", "\(flow.from.rawValue)>\(flow.to)", names.english, names.chinese, "", flow.committed.text,
                    flow.disbursed.text, flow.repaid.text, currency.code,
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The report as JSON, amounts as decimal strings.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static func flowName(_ flow: FlowRow) -> Message {
        let to: Message =
            switch flow.to {
            case "cn": Side.china.label
            case "eu": Side.europe.label
            default: Message("China and EU", "中国和欧盟")
            }
        return Message("\(flow.from.label.english) → \(to.english)", "\(flow.from.label.chinese) → \(to.chinese)")
    }

    /// Quotes a text cell when it needs it, and defuses one a spreadsheet would run as a formula.
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
