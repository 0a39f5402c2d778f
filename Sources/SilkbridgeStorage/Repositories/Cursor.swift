import Foundation
import SilkbridgeCore

/// The opaque position in a sorted list: the sort key and id of the last item shown.
struct Cursor {
    let key: String
    let id: UUID

    init(key: String, id: UUID) {
        self.key = key
        self.id = id
    }

    init(_ text: String) throws {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8),
            let separator = decoded.lastIndex(of: "\n"),
            let id = UUID(uuidString: String(decoded[decoded.index(after: separator)...]))
        else { throw DirectoryError.invalidCursor }
        self.init(key: String(decoded[..<separator]), id: id)
    }

    var encoded: String {
        Data("\(key)\n\(id.uuidString)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
