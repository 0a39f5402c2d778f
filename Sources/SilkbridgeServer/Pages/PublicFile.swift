import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// The site's static files (its stylesheet, the script every page loads and the signing script), read once at start-up and served without any
/// page middleware: they need no session, language or inbox count.
struct PublicFiles {
    let stylesheet: ByteBuffer
    let script: ByteBuffer
    let signingScript: ByteBuffer

    init() throws {
        stylesheet = try Self.load("style", "css")
        script = try Self.load("site", "js")
        signingScript = try Self.load("agreement-sign", "js")
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        serve(stylesheet, at: SitePaths.stylesheet, as: "text/css; charset=utf-8", on: router)
        serve(script, at: SitePaths.script, as: "text/javascript; charset=utf-8", on: router)
        serve(signingScript, at: AgreementPaths.signingScript, as: "text/javascript; charset=utf-8", on: router)
    }

    private func serve(
        _ file: ByteBuffer, at path: String, as contentType: String, on router: some RouterMethods<AppRequestContext>
    ) {
        router.get(RouterPath(path)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: contentType, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: file))
        }
    }

    private static func load(_ name: String, _ type: String) throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Resources/Public")
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name).\(type)"]) }
        return ByteBuffer(data: try Data(contentsOf: url))
    }
}
