/// Failures while loading a dictionary or character table.
public enum MultilingualTextError: Error, Hashable, Sendable {
    /// A bundled resource is missing from the target's resources.
    case missingResource(String)
    /// A line of a dictionary or table could not be read.
    case malformedLine(file: String, line: Int)
}
