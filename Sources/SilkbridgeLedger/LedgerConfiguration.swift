import Foundation
import SilkbridgeCore
import TrustLedger

/// How the server runs its trust ledger: the log's identity and key, its witnesses and the policy they serve.
public struct LedgerConfiguration: Sendable {
    /// The checkpoint origin, also the key name; nil takes the name of an existing key or a default.
    public var origin: String?
    /// The log's private key string (`PRIVATE+KEY+…`); when nil it is read from, or generated into, `keyFile`.
    public var signingKey: String?
    /// Where the generated key is kept; nil puts `ledger.key` beside the SQLite file, or in `./silkbridge-data`.
    public var keyFile: String?
    /// The witnesses asked to cosign each checkpoint.
    public var witnesses: [LedgerWitness]
    /// Thresholds per side such as `eu:1,cn:1`; nil requires one witness of each side that has any.
    public var policy: String?
    /// A batch is sequenced once this many entries wait…
    public var maxBatchSize: Int
    /// …or this long after its first entry arrived. Zero, the server's default, sequences as soon as no other
    /// batch is being stored: a lone append does not wait, and appends arriving meanwhile form the next batch.
    public var maxBatchDelay: Duration
    /// How long a checkpoint waits for each witness before it is published without that cosignature.
    public var witnessTimeout: Duration
    /// How long an append waits for its entry to be stored before the request gets a 503.
    public var appendTimeout: Duration = .seconds(30)
    /// Told of each transient storage failure the sequencer retries after (besides the log); tests wait for it.
    public var onTransientFailure: @Sendable (any Error) -> Void = { _ in }
    /// How often the whole stored log is checked in the background (the first time right after start-up); nil
    /// checks only at `silkbridge ledger check`.
    public var integrityCheckInterval: Duration? = .seconds(6 * 3600)
    /// The pause after every 256 entries of a background check, which bounds its share of the CPU.
    public var integrityCheckPause: Duration = .milliseconds(2)
    /// Told each background check's report; tests wait on it instead of on the clock.
    public var onIntegrityReport: @Sendable (IntegrityReport) -> Void = { _ in }

    public static let defaultOrigin = "silkbridge.localhost/ledger"

    public init(
        origin: String? = nil, signingKey: String? = nil, keyFile: String? = nil, witnesses: [LedgerWitness] = [],
        policy: String? = nil, maxBatchSize: Int = 256, maxBatchDelay: Duration = .zero,
        witnessTimeout: Duration = .seconds(3)
    ) {
        self.origin = origin
        self.signingKey = signingKey
        self.keyFile = keyFile
        self.witnesses = witnesses
        self.policy = policy
        self.maxBatchSize = maxBatchSize
        self.maxBatchDelay = maxBatchDelay
        self.witnessTimeout = witnessTimeout
    }
}

/// One witness of the ledger: which side it stands for, its cosigning key and how to reach it.
public struct LedgerWitness: Sendable {
    public let side: Side
    public let verifier: CosignatureVerifier
    public let client: any WitnessClient
    /// Where it listens, shown to people; nil for a witness in this process.
    public let url: String?

    public init(side: Side, verifier: CosignatureVerifier, client: any WitnessClient, url: String? = nil) {
        self.side = side
        self.verifier = verifier
        self.client = client
        self.url = url
    }
}
