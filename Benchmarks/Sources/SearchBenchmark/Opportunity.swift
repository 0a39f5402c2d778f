/// One benchmark row: the same values go into our index, SQLite and PostgreSQL.
struct Opportunity: Sendable {
    let id: Int
    var title: String
    var summary: String
    var body: String
    let country: String
    let sector: String

    /// Title, summary and body in one string, for the substring checks of the peers.
    var text: String { title + " " + summary + " " + body }
}
