import Foundation

/// One query box over organisations and published opportunities, in English or Chinese.
///
/// The index lives in this process. It is built from the database on first use, told of every write this
/// process makes, and, before each answer, brought up to date with the rows other processes changed since its
/// cursor (see `ChangeCursor`).
public actor SearchService: SearchIndexing {
    static let snippetLength = 160

    let source: any SearchSource
    let catalog: ReferenceCatalog
    private var index: any TextIndex
    private var documents: [UUID: Document] = [:]
    private var cursor = ChangeCursor()
    private var opportunityCount = 0

    struct Document: Sendable {
        let kind: SearchKind
        let id: UUID
        let title: LocalizedText
        let texts: [LocalizedText]
        let type: String
        let areas: [String]
        let side: Side
        let country: String
        let opportunity: Opportunity?

        func status(at now: Date) -> OpportunityStatus? { opportunity?.status(at: now) }
    }

    public init(source: any SearchSource, catalog: ReferenceCatalog, index: any TextIndex) {
        self.source = source
        self.catalog = catalog
        self.index = index
    }

    public func changed(_ opportunity: Opportunity) {
        store(opportunity)
    }

    public func changed(_ organization: Organization) {
        store(organization)
    }

    /// Reads what changed since the cursor; rebuilds from scratch when rows were deleted elsewhere.
    public func refresh() async throws {
        var cursor = self.cursor
        let changes = try await DirectoryChanges.read(from: source, after: &cursor)
        self.cursor = cursor
        for organization in changes.organizations { store(organization) }
        for opportunity in changes.opportunities { store(opportunity) }
        let counts = try await source.indexableCounts()
        let organizationCount = documents.count - opportunityCount
        if counts.organizations != organizationCount || counts.opportunities != opportunityCount {
            try await rebuild()
        }
    }

    /// Forgets everything and reads the whole database again.
    public func rebuild() async throws {
        for id in documents.keys { index.remove(id) }
        documents = [:]
        opportunityCount = 0
        var cursor = ChangeCursor()
        let changes = try await DirectoryChanges.read(from: source, after: &cursor)
        self.cursor = cursor
        for organization in changes.organizations { store(organization) }
        for opportunity in changes.opportunities { store(opportunity) }
    }

    /// The hits for a query, with facets over every hit and a page of `limit` after `cursor`.
    public func search(_ query: SearchQuery, page: Paging, now: Date = Date()) async throws -> SearchResults {
        try await refresh()
        let offset: Int
        if let cursor = page.cursor {
            guard let value = Int(cursor), value >= 0 else { throw DirectoryError.invalidCursor }
            offset = value
        } else {
            offset = 0
        }
        var ranked: [(Document, Double)]
        if let text = query.text {
            ranked = index.search(text, limit: max(index.count, 1)).compactMap { hit in
                documents[hit.id].map { ($0, hit.score) }
            }
        } else {
            ranked = documents.values.map { ($0, 0) }
                .sorted {
                    ($0.0.title.best(for: .english).lowercased(), $0.0.id) < (
                        $1.0.title.best(for: .english).lowercased(), $1.0.id
                    )
                }
        }
        ranked = ranked.filter { document, _ in
            let status = document.status(at: now)
            if let wanted = query.status {
                return status == wanted
            }
            return status == nil || status == .published
        }
        let facets = Self.facets(of: ranked.map(\.0), now: now)
        let matching = ranked.filter { document, _ in
            (query.type == nil || document.type == query.type)
                && (query.area == nil || document.areas.contains(query.area!))
                && (query.side == nil || document.side == query.side)
                && (query.country == nil || document.country == query.country)
        }
        let shown = matching.dropFirst(offset).prefix(page.limit)
        let items = shown.map { document, score in
            SearchResult(
                kind: document.kind, id: document.id, title: document.title,
                snippet: LocalizedSnippet(
                    english: snippet(document.texts.compactMap(\.english), query: query.text),
                    chinese: snippet(document.texts.compactMap(\.chinese), query: query.text)),
                type: document.type, areas: document.areas, side: document.side, country: document.country,
                status: document.status(at: now), score: score)
        }
        let next = offset + shown.count < matching.count ? String(offset + shown.count) : nil
        return SearchResults(items: items, total: matching.count, facets: facets, nextCursor: next)
    }

    private func store(_ organization: Organization) {
        let document = Document(
            kind: .organization, id: organization.id, title: organization.name,
            texts: [organization.description], type: SearchKind.organization.rawValue, areas: organization.areas,
            side: organization.side, country: organization.country, opportunity: nil)
        var fields = [(text: String, weight: Double)]()
        fields += Self.both(organization.name, weight: 3)
        fields += Self.both(organization.description, weight: 1)
        fields += Self.both(organization.city, weight: 1)
        fields += areaFields(organization.areas, subtopics: [])
        put(document, fields: fields)
    }

    private func store(_ opportunity: Opportunity) {
        guard opportunity.state != .draft else {
            if documents.removeValue(forKey: opportunity.id) != nil {
                index.remove(opportunity.id)
                opportunityCount -= 1
            }
            return
        }
        let document = Document(
            kind: .opportunity, id: opportunity.id, title: opportunity.title,
            texts: [opportunity.summary, opportunity.description], type: opportunity.type.rawValue,
            areas: opportunity.areas, side: opportunity.side, country: opportunity.country, opportunity: opportunity)
        var fields = [(text: String, weight: Double)]()
        fields += Self.both(opportunity.title, weight: 3)
        fields += Self.both(opportunity.summary, weight: 2)
        fields += Self.both(opportunity.description, weight: 1)
        fields += areaFields(opportunity.areas, subtopics: opportunity.subtopics)
        put(document, fields: fields)
    }

    private func put(_ document: Document, fields: [(text: String, weight: Double)]) {
        if documents[document.id] == nil, document.kind == .opportunity { opportunityCount += 1 }
        documents[document.id] = document
        index.upsert(document.id, fields: fields)
    }

    /// The labels of the areas and sub-topics in both languages, so either language finds the other's text.
    private func areaFields(_ areas: [String], subtopics: [String]) -> [(text: String, weight: Double)] {
        var fields = [(text: String, weight: Double)]()
        for area in areas.compactMap(catalog.area) {
            fields += Self.both(area.label, weight: 1)
            for subtopic in area.subtopics where subtopics.contains(subtopic.code) {
                fields += Self.both(subtopic.label, weight: 0.5)
            }
        }
        return fields
    }

    private static func both(_ text: LocalizedText, weight: Double) -> [(text: String, weight: Double)] {
        [text.english, text.chinese].compactMap { $0 }.map { (text: $0, weight: weight) }
    }

    static func facets(of documents: [Document], now: Date) -> [String: [FacetCount]] {
        var counts: [String: [String: Int]] = [:]
        for document in documents {
            counts["type", default: [:]][document.type, default: 0] += 1
            counts["side", default: [:]][document.side.rawValue, default: 0] += 1
            counts["country", default: [:]][document.country, default: 0] += 1
            for area in document.areas { counts["area", default: [:]][area, default: 0] += 1 }
            if let status = document.status(at: now) {
                counts["status", default: [:]][status.rawValue, default: 0] += 1
            }
        }
        return counts.mapValues { values in
            values.map { FacetCount(value: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.value) < ($0.count, $1.value) }
        }
    }

    /// A passage of the first text matching the query, with its matches, or the start of the first text.
    private func snippet(_ texts: [String], query: String?) -> Snippet? {
        let texts = texts.filter { !$0.isEmpty }
        guard let first = texts.first else { return nil }
        if let query {
            for text in texts {
                let matches = index.matches(of: query, in: text)
                if let match = matches.first { return Self.passage(text, around: match.lowerBound, matches: matches) }
            }
        }
        return Self.passage(first, around: 0, matches: [])
    }

    /// Up to `snippetLength` scalars of `text` from a little before `offset`, with the matches inside it.
    static func passage(_ text: String, around offset: Int, matches: [Range<Int>]) -> Snippet {
        let scalars = Array(text.unicodeScalars)
        var start = max(0, offset - 40)
        // A combining mark belongs with the letter before it.
        while start > 0 && scalars[start].properties.generalCategory == .nonspacingMark { start -= 1 }
        let end = min(scalars.count, start + snippetLength)
        let lead = start > 0 ? "…" : ""
        var passage = String.UnicodeScalarView()
        passage.append(contentsOf: lead.unicodeScalars)
        passage.append(contentsOf: scalars[start..<end])
        if end < scalars.count { passage.append(contentsOf: "…".unicodeScalars) }
        let shift = lead.unicodeScalars.count - start
        let highlights = matches.compactMap { match -> Range<Int>? in
            let clipped = match.clamped(to: start..<end)
            return clipped.isEmpty ? nil : (clipped.lowerBound + shift)..<(clipped.upperBound + shift)
        }
        return Snippet(text: String(passage), highlights: highlights)
    }
}
