import SilkbridgeCore
import Testing

/// Expects `body` to refuse its input with a `ValidationError` that names `field`, not merely to throw.
func expectIssue(
    at field: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    #expect(sourceLocation: sourceLocation) {
        try body()
    } throws: { error in
        (error as? ValidationError)?.issues.contains { $0.field == field } == true
    }
}
