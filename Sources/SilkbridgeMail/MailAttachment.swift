import Foundation

/// A file sent along with a message, such as an `.ics` invitation.
public struct MailAttachment: Sendable, Hashable {
    public let filename: String
    /// A full media type with its parameters, e.g. `text/calendar; charset=utf-8; method=PUBLISH`.
    public let contentType: String
    public let data: Data

    public init(filename: String, contentType: String, data: Data) throws(MailError) {
        if filename.isEmpty || TextChecks.containsControlCharacter(filename) {
            throw MailError("an attachment's file name must be non-empty and free of control characters")
        }
        // The media type goes into a header as it is, so it has to be one line of ASCII naming type/subtype.
        let mediaType = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        let mediaTypeParts = mediaType.split(separator: "/", omittingEmptySubsequences: false)
        guard TextChecks.isPrintableASCII(contentType), contentType.utf8.count <= 500, mediaTypeParts.count == 2,
            mediaTypeParts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") })
        else {
            throw MailError("the attachment \(filename) has an invalid content type; expected e.g. text/calendar")
        }
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}
