import Foundation
import Hummingbird
import SilkbridgeCore

extension AgreementPages {
    /// What changed between two versions, line by line and per language; the parties' members only.
    func diffPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try agreementID(context)
        let versions = try await agreements.versions(of: id, viewer: account)
        let query = FormData(query: request)
        let to = query.text("to").flatMap { Int($0) } ?? versions.count
        let from = query.text("from").flatMap { Int($0) } ?? max(1, to - 1)
        guard let old = versions.first(where: { $0.number == from }),
            let new = versions.first(where: { $0.number == to })
        else {
            throw ValidationError([FieldIssue("from", Message("is not a version of this agreement.", "不是此协议的版本。"))])
        }
        let sections = [
            ("English", old.content.text.english, new.content.text.english),
            ("中文", old.content.text.chinese, new.content.text.chinese),
            (
                site.text("agreement_field_title", context), old.content.title.best(for: context.language),
                new.content.title.best(for: context.language)
            ),
        ].map { name, before, after in
            AgreementDiffPage.Section(name: name, lines: Self.diff(before ?? "", after ?? ""))
        }
        let view = AgreementDiffPage(
            backLink: AgreementPaths.agreement(id), from: from, to: to, fromDigest: old.digest, toDigest: new.digest,
            sections: sections)
        return renderer.render(
            "agreement-diff", title: site.text("agreement_diff_title", context), view: view, request: request,
            context: context)
    }

    /// Lines kept, removed and inserted, from the standard library's diff of the two line arrays.
    static func diff(_ before: String, _ after: String) -> [[String: String]] {
        let old = before.components(separatedBy: "\n")
        let new = after.components(separatedBy: "\n")
        let changes = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in changes {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var lines: [[String: String]] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                lines.append(["kind": "removed", "mark": "−", "text": old[i]])
                i += 1
            } else if j < new.count, inserted.contains(j) {
                lines.append(["kind": "added", "mark": "+", "text": new[j]])
                j += 1
            } else {
                if j < new.count { lines.append(["kind": "same", "mark": " ", "text": new[j]]) }
                (i, j) = (i + 1, j + 1)
            }
        }
        return lines
    }
}

struct AgreementDiffPage {
    struct Section {
        let name: String
        let lines: [[String: String]]
    }

    let backLink: String
    let from: Int
    let to: Int
    let fromDigest: String
    let toDigest: String
    let sections: [Section]
}
