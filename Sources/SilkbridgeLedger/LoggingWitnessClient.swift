import Foundation
import Logging
import TrustLedger

/// Tells the operator when a witness refuses a checkpoint. A 409 with the witness's size is routine (the
/// sequencer retries from that size); any other refusal means the witness and the log disagree about history,
/// or about keys, and an operator must look.
package struct LoggingWitnessClient: WitnessClient {
    package let base: any WitnessClient
    package let name: String
    package let logger: Logger

    package func addCheckpoint(_ body: Data) async throws -> WitnessResponse {
        let response: WitnessResponse
        do {
            response = try await base.addCheckpoint(body)
        } catch {
            logger.warning("witness unreachable", metadata: ["witness": "\(name)", "error": "\(error)"])
            throw error
        }
        switch response.status {
        case 200, 409:
            break
        case 422:
            logger.critical(
                "witness refused the checkpoint as inconsistent with what it saw: the log may have been forked",
                metadata: ["witness": "\(name)", "reason": "\(String(decoding: response.body, as: UTF8.self))"])
        default:
            logger.error(
                "witness refused the checkpoint",
                metadata: [
                    "witness": "\(name)", "status": "\(response.status)",
                    "reason": "\(String(decoding: response.body.prefix(500), as: UTF8.self))",
                ])
        }
        return response
    }
}
