import Foundation

/// The parts of an `smtp://` or `smtps://` URL. Written by hand rather than with URLComponents so that each
/// mistake gets its own message, and so that no message repeats the URL, which may hold a password.
struct SMTPURL {
    var host: String
    var port: Int
    var security: SMTPConfiguration.Security
    var credentials: SMTPConfiguration.Credentials?

    init(_ url: String) throws(MailError) {
        guard let schemeEnd = url.range(of: "://") else {
            throw MailError("the SMTP URL must start with smtp:// or smtps://")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "smtp" || scheme == "smtps" else {
            throw MailError("unsupported SMTP URL scheme '\(scheme)'; use smtp:// or smtps://")
        }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var tail = rest[authorityEnd...]
        if let fragment = tail.firstIndex(of: "#") {
            tail = tail[..<fragment]
        }
        let path = tail.prefix { $0 != "?" }
        guard path.isEmpty || path == "/" else {
            throw MailError("an SMTP URL has no path; remove '\(path)'")
        }
        let query = tail.dropFirst(path.count).dropFirst()

        var hostPart = authority
        if let at = authority.lastIndex(of: "@") {
            credentials = try Self.credentials(from: authority[..<at])
            hostPart = authority[authority.index(after: at)...]
        } else {
            credentials = nil
        }
        let (host, port) = try Self.hostAndPort(hostPart)
        self.host = host
        self.port = port ?? (scheme == "smtps" ? 465 : 587)

        let startTLS = try Self.startTLSOption(query)
        if scheme == "smtps" {
            guard startTLS == nil else {
                throw MailError("?starttls= applies to smtp:// only; smtps:// is TLS from the start")
            }
            security = .implicitTLS
        } else {
            switch startTLS {
            case "always": security = .startTLSRequired
            case "never": security = .plain
            default: security = credentials == nil ? .startTLSWhenOffered : .startTLSRequired
            }
        }
    }

    private static func credentials(from userInfo: Substring) throws(MailError) -> SMTPConfiguration.Credentials {
        let colon = userInfo.firstIndex(of: ":")
        let rawUser = userInfo[..<(colon ?? userInfo.endIndex)]
        let rawPassword = colon.map { userInfo[userInfo.index(after: $0)...] } ?? ""
        guard let user = PercentDecoding.decode(rawUser), !user.isEmpty else {
            throw MailError("the user name in the SMTP URL is empty or badly percent-encoded")
        }
        guard let password = PercentDecoding.decode(rawPassword) else {
            throw MailError("the password in the SMTP URL is badly percent-encoded")
        }
        return SMTPConfiguration.Credentials(username: user, password: password)
    }

    private static func hostAndPort(_ text: Substring) throws(MailError) -> (String, Int?) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw MailError("the IPv6 address in the SMTP URL lacks its closing ']'")
            }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw MailError("unexpected text after the IPv6 address in the SMTP URL")
                }
                portText = after.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text
        }
        guard !host.isEmpty else {
            throw MailError("the SMTP URL has no host")
        }
        let hostCharacters = host.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "_")
        }
        guard hostCharacters else {
            throw MailError("the host '\(host)' in the SMTP URL is not a host name or IP address")
        }
        guard let portText else {
            return (String(host), nil)
        }
        guard !portText.isEmpty, portText.utf8.count <= 5, portText.allSatisfy(\.isASCIIDigit),
            let port = Int(portText), (1...65535).contains(port)
        else {
            throw MailError("the port '\(portText)' in the SMTP URL is not a number between 1 and 65535")
        }
        return (String(host), port)
    }

    private static func startTLSOption(_ query: Substring) throws(MailError) -> String? {
        var startTLS: String?
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].lowercased()
            let value = parts.count > 1 ? parts[1].lowercased() : ""
            guard key == "starttls" else {
                throw MailError("unknown SMTP URL option '\(key)'; the only one is starttls=always|never")
            }
            guard value == "always" || value == "never" else {
                throw MailError("starttls must be 'always' or 'never', not '\(value)'")
            }
            startTLS = value
        }
        return startTLS
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
