/// A stored value that no case of the domain knows: a row written by a newer version or edited by hand. Reading
/// it fails with the column and the value, instead of becoming some default that a later write would store back.
struct UnknownStoredValue: Error, CustomStringConvertible {
    let column: String
    let value: String

    var description: String { "unknown value \"\(value)\" in \(column)" }
}

extension RawRepresentable where RawValue == String {
    init(stored value: String, column: String) throws {
        guard let known = Self(rawValue: value) else { throw UnknownStoredValue(column: column, value: value) }
        self = known
    }
}
