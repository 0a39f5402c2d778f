import Foundation

/// Writes each message into a folder as `<message ID>.eml` instead of sending it, for a laptop or a demo with no
/// mail server; any mail program opens the files. Sending the same message again replaces its file.
public struct FileMailTransport: MailTransport {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func deliver(_ message: MailMessage) async throws(MailDeliveryError) {
        let destination = directory.appendingPathComponent(Self.fileName(for: message.messageID))
        // Written beside the destination and renamed into place, so a reader never sees half a message; the
        // leading dot keeps the partial file out of `*.eml`.
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).eml.partial")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try message.rendered().write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .temporary(reason: "could not write a message into \(directory.path): \(error.localizedDescription)")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .temporary(reason: "could not move a message into place as \(destination.path): \(reason)")
        }
    }

    /// The message ID may hold anything printable; only what is safe in a file name on every system stays.
    static func fileName(for messageID: String) -> String {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_@+".utf8)
        var name = String(decoding: messageID.utf8.map { safe.contains($0) ? $0 : UInt8(ascii: "_") }, as: UTF8.self)
        if name.hasPrefix(".") {
            name = "_" + name.dropFirst()
        }
        return name + ".eml"
    }
}
