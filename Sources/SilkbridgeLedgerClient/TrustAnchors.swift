import Foundation
import SilkbridgeCore
import TrustLedger

/// The keys a client trusts, as given on a command line: the log key, a witness policy such as `eu:1,cn:1`,
/// and witnesses as `<side> <cosignature verifier key>` lines.
public enum TrustAnchors {
    public static func verifier(logKey: String, policy: String, witnessKeys: [String], origin: String) throws
        -> LedgerVerifier
    {
        let witnessPolicy =
            policy.isEmpty
            ? try WitnessPolicy(groups: [])
            : try WitnessPolicy(parsing: policy, keyList: witnessKeys.joined(separator: "\n"))
        return LedgerVerifier(
            logVerifier: try Ed25519NoteVerifier(verifierKey: logKey), policy: witnessPolicy, origin: origin)
    }
}

extension AgreementBundle.Log {
    /// The bundle's witnesses as `<side> <verifier key>` lines.
    public var witnessKeys: [String] {
        witnesses.map { "\($0.side.rawValue) \($0.verifierKey)" }
    }
}
