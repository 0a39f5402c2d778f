/// A mailbox: `local@domain`, with the name a mail program shows beside it.
///
/// The domain must be ASCII (an internationalised domain is given in its `xn--` form); the local part may be UTF-8,
/// which a server then has to accept through SMTPUTF8.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public let address: String
    public let name: String?

    public init(_ address: String, name: String? = nil) throws(MailError) {
        if TextChecks.containsControlCharacter(address) {
            throw MailError("the mail address contains a control character")
        }
        if let name, TextChecks.containsControlCharacter(name) {
            throw MailError("the display name of \(address) contains a control character")
        }
        try Self.validate(address)
        self.address = address
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var localPart: Substring { address[..<address.lastIndex(of: "@")!] }
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@")!)...] }

    /// A server must announce SMTPUTF8 before it may be given this address.
    public var requiresSMTPUTF8: Bool { !address.utf8.allSatisfy { $0 < 0x80 } }

    public var description: String {
        name.map { "\($0) <\(address)>" } ?? address
    }

    private static let localPartSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    private static func validate(_ address: String) throws(MailError) {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw MailError("'\(address)' is not a mail address of the form local@domain")
        }
        let local = parts[0]
        let domain = parts[1]
        let localIsDotAtom =
            !local.isEmpty && local.utf8.count <= 64
            && local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
                !atom.isEmpty
                    && atom.unicodeScalars.allSatisfy { scalar in
                        scalar.isASCII
                            ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                                || localPartSymbols.contains(UInt8(scalar.value)))
                            : !scalar.properties.isWhitespace
                    }
            }
        guard localIsDotAtom else {
            throw MailError("'\(address)' has an empty or invalid part before the @")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainIsValid =
            labels.count >= 2 && domain.utf8.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                    && label.utf8.allSatisfy { byte in
                        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                            || byte == UInt8(ascii: "-")
                    }
            }
        guard domainIsValid else {
            throw MailError("'\(address)' does not end in a dotted domain name such as example.org")
        }
    }
}
