import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat
import TrustLedger

/// What a standalone witness needs: its cosigning key, the logs it watches and where it keeps its state.
public struct WitnessConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The witness's cosigning key, `PRIVATE+KEY+name+id+base64(0x04 || seed)`.
    public var key: String
    /// The log's verifier key.
    public var logKey: String
    /// The log's origin; by default the log key's name.
    public var origin: String?
    /// The state file; nil keeps the state in memory only, which a real witness must not do.
    public var statePath: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8091, key: String, logKey: String, origin: String? = nil,
        statePath: String?
    ) {
        self.host = host
        self.port = port
        self.key = key
        self.logKey = logKey
        self.origin = origin
        self.statePath = statePath
    }
}

/// A C2SP tlog-witness over HTTP: `POST /add-checkpoint` checks the request against the recorded tree head and
/// answers with a cosignature, or with the status the specification gives each refusal.
public enum WitnessServer {
    /// Builds the standalone witness application.
    public static func build(_ configuration: WitnessConfiguration, logger: Logger) throws -> some ApplicationProtocol {
        let router = Router()
        addRoutes(for: try witness(configuration), to: router, under: "")
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "tlog-witness"),
            logger: logger)
    }

    /// Adds `GET <prefix>/` (the witness's verifier key), `GET <prefix>/<sha256(origin)>/checkpoint` (the latest
    /// checkpoint it cosigned for that log, which tlog-witness says a witness should serve) and
    /// `POST <prefix>/add-checkpoint`.
    package static func addRoutes<Context: RequestContext>(
        for witness: Witness, to router: some RouterMethods<Context>, under prefix: String
    ) {
        router.get(RouterPath(prefix.isEmpty ? "/" : prefix)) { _, _ in
            "tlog-witness \(witness.cosigner.verifier.verifierKey)\n"
        }
        router.get(RouterPath(prefix + "/:originHash/checkpoint")) { _, context in
            guard let hash = context.parameters.get("originHash"),
                let checkpoint = try await witness.latestCheckpoint(originHash: hash)
            else { throw HTTPError(.notFound, message: "This witness has cosigned no checkpoint of that log.\n") }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(data: checkpoint)))
        }
        router.post(RouterPath(prefix + "/add-checkpoint")) { request, context in
            var request = request
            let body = try await request.collectBody(upTo: 256 * 1024)
            do {
                let signatures = try await witness.addCheckpoint(body: Data(buffer: body))
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(data: signatures)))
            } catch let error as WitnessError {
                // A log that is not consistent with what this witness saw is an attack or a serious fault.
                let level: Logger.Level = [409, 422].contains(error.statusCode) ? .warning : .info
                context.logger.log(
                    level: level, "refused a checkpoint",
                    metadata: [
                        "status": "\(error.statusCode)",
                        "reason": "\(String(decoding: error.responseBody, as: UTF8.self))",
                    ])
                return Response(
                    status: HTTPResponse.Status(code: error.statusCode), headers: [.contentType: error.contentType],
                    body: .init(byteBuffer: ByteBuffer(data: error.responseBody)))
            }
        }
    }

    package static func witness(_ configuration: WitnessConfiguration) throws -> Witness {
        let cosigner = try CosignatureSigner(privateKeyString: configuration.key)
        let logVerifier = try Ed25519NoteVerifier(verifierKey: configuration.logKey)
        let state: any WitnessState =
            try configuration.statePath.map { try FileWitnessState(path: $0) } ?? InMemoryWitnessState()
        return Witness(
            cosigner: cosigner, logs: [configuration.origin ?? logVerifier.name: [logVerifier]], state: state)
    }
}
