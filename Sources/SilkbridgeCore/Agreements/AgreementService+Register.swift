import Foundation

/// What the public register of agreements is filtered by.
public struct AgreementFilter: Sendable, Hashable {
    public var kind: AgreementKind?
    public var status: AgreementStatus?
    public var area: String?
    public var organizationId: UUID?
    public var side: Side?
    /// Words in the title or a party's name, in either language.
    public var query: String?

    public init(
        kind: AgreementKind? = nil, status: AgreementStatus? = nil, area: String? = nil, organizationId: UUID? = nil,
        side: Side? = nil, query: String? = nil
    ) {
        self.kind = kind
        self.status = status
        self.area = area
        self.organizationId = organizationId
        self.side = side
        self.query = query
    }
}

extension AgreementService {
    /// The public register: agreements in force, terminated or expired, newest first, filtered and paged.
    public func register(_ filter: AgreementFilter, page: Paging, now: Date = Date()) async throws
        -> Paged<Agreement>
    {
        let stored: Set<AgreementStatus> = [.inForce, .terminated]
        let matching = try await repository.agreements(in: stored).filter { matches($0, filter, now: now) }
        // The register is small next to the directory, so an offset cursor over the filtered list is enough.
        guard let start = page.cursor.map(Int.init) ?? 0, start >= 0 else {
            throw ValidationError([FieldIssue("cursor", Message("is not a cursor of this list.", "不是此列表的游标。"))])
        }
        let items = Array(matching.dropFirst(start).prefix(page.limit))
        let next = start + items.count < matching.count ? String(start + items.count) : nil
        return Paged(items: items, nextCursor: next)
    }

    private func matches(_ agreement: Agreement, _ filter: AgreementFilter, now: Date) -> Bool {
        let content = agreement.current.content
        if let kind = filter.kind, agreement.kind != kind { return false }
        if let status = filter.status, agreement.status(at: now) != status { return false }
        if let area = filter.area, !content.areas.contains(area) { return false }
        if let id = filter.organizationId, !agreement.isParty(id) { return false }
        if let side = filter.side, !agreement.parties.contains(where: { $0.side == side }) { return false }
        if let query = filter.query?.trimmingCharacters(in: .whitespaces).lowercased(), !query.isEmpty {
            let haystack =
                ([content.title.english, content.title.chinese]
                + agreement.parties.flatMap { [$0.name.english, $0.name.chinese] })
                .compactMap { $0?.lowercased() }
            return haystack.contains { $0.contains(query) }
        }
        return true
    }
}
