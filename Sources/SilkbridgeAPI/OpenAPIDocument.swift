import Foundation

/// The published contract of the JSON API, as shipped with the server.
public enum OpenAPIDocument {
    /// The bytes of `openapi.yaml`, served at `/api/v1/openapi.yaml`.
    public static func yaml() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
