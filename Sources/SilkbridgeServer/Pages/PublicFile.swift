import Foundation
import NIOCore
import NIOFoundationCompat

/// The site's static files (its one stylesheet and one script), read once at start-up.
enum PublicFile {
    static func load(_ name: String, _ type: String) throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Resources/Public")
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name).\(type)"]) }
        return ByteBuffer(data: try Data(contentsOf: url))
    }
}
