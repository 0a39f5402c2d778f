import Foundation

/// One meeting or session as a calendar event.
public struct CalendarEntry: Sendable, Hashable {
    /// Globally unique and stable, so that downloading the agenda again updates the entry instead of adding one.
    public var uid: String
    public var start: Date
    public var end: Date
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?

    public init(
        uid: String, start: Date, end: Date, summary: String, description: String? = nil, location: String? = nil,
        url: String? = nil
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
    }
}
