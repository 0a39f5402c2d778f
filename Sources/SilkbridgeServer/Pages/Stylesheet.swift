import Foundation
import NIOCore
import NIOFoundationCompat

/// The one stylesheet of the site, read once at start-up.
enum Stylesheet {
    static func load() throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "style", withExtension: "css", subdirectory: "Resources/Public")
        else { throw CocoaError(.fileNoSuchFile) }
        return ByteBuffer(data: try Data(contentsOf: url))
    }
}
