import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which hosts the delivery worker may contact: public addresses only, and loopback where a deployment allows it
/// for development; never private networks, link-local (cloud metadata), multicast or reserved ranges, also when
/// written inside an IPv6 address (mapped, NAT64, 6to4). Every address a name resolves to must pass; numeric forms
/// such as `0x7f000001`, `2130706433` or `127.1` resolve to the address they spell and are judged as it.
struct WebhookAddressPolicy: Sendable {
    /// Loopback is off unless asked for: a receiver on the server's own machine is how a webhook reaches what the
    /// network keeps from outside.
    var allowsLoopback = false

    /// Why a delivery was not sent, in words that tell the webhook's owner what to fix and nothing about the
    /// networks behind the server.
    enum Refusal: Error, CustomStringConvertible {
        case unresolvable
        case notPublic

        var description: String {
            switch self {
            case .unresolvable: "refused: the host could not be resolved"
            case .notPublic: "refused: the host must resolve to public addresses only"
            }
        }
    }

    enum Reach: Equatable {
        case publicAddress, loopback, restricted
    }

    /// Resolves the host and throws unless every address is allowed.
    func check(host: String) throws {
        let host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = Self.resolve(host)
        guard !addresses.isEmpty else { throw Refusal.unresolvable }
        for address in addresses where !allows(address) { throw Refusal.notPublic }
    }

    func allows(_ address: [UInt8]) -> Bool {
        switch Self.reach(address) {
        case .publicAddress: true
        case .loopback: allowsLoopback
        case .restricted: false
        }
    }

    /// The addresses of a host, as 4 or 16 bytes.
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [[UInt8]] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if info.pointee.ai_family == AF_INET, let address = info.pointee.ai_addr {
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var ip = pointer.pointee.sin_addr
                    addresses.append(withUnsafeBytes(of: &ip) { Array($0) })
                }
            } else if info.pointee.ai_family == AF_INET6, let address = info.pointee.ai_addr {
                address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var ip = pointer.pointee.sin6_addr
                    addresses.append(withUnsafeBytes(of: &ip) { Array($0) })
                }
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    static func reach(_ bytes: [UInt8]) -> Reach {
        if bytes.count == 4 { return reachV4(bytes) }
        guard bytes.count == 16 else { return .restricted }
        let zeros = { (range: Range<Int>) in bytes[range].allSatisfy { $0 == 0 } }
        let starts = { (prefix: [UInt8]) in bytes.starts(with: prefix) }
        if zeros(0..<15) && bytes[15] == 1 { return .loopback }  // ::1
        // ::ffff:a.b.c.d, an IPv4 address mapped into IPv6, reaches that address.
        if zeros(0..<10) && bytes[10] == 0xff && bytes[11] == 0xff { return reachV4(Array(bytes[12..<16])) }
        if zeros(0..<12) { return .restricted }  // ::, and the deprecated IPv4-compatible ::a.b.c.d
        // Through a gateway, an IPv4 address inside is judged as that address; its loopback is not ours.
        let embedded: [UInt8]? =
            if starts([0x00, 0x64, 0xff, 0x9b]) && zeros(4..<12) {
                Array(bytes[12..<16])  // 64:ff9b::/96, NAT64
            } else if starts([0x20, 0x02]) {
                Array(bytes[2..<6])  // 2002::/16, 6to4
            } else {
                nil
            }
        if let embedded { return reachV4(embedded) == .publicAddress ? .publicAddress : .restricted }
        if starts([0x00, 0x64, 0xff, 0x9b]) { return .restricted }  // 64:ff9b:1::/48, local-use NAT64
        if starts([0x01, 0x00]) && zeros(2..<8) { return .restricted }  // 100::/64, discard
        if starts([0x20, 0x01, 0x00, 0x00]) { return .restricted }  // 2001::/32, Teredo
        if starts([0x20, 0x01, 0x0d, 0xb8]) { return .restricted }  // 2001:db8::/32, documentation
        if bytes[0] & 0xfe == 0xfc { return .restricted }  // fc00::/7, unique local
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return .restricted }  // fe80::/10, link-local
        if bytes[0] == 0xff { return .restricted }  // multicast
        return .publicAddress
    }

    static func reachV4(_ b: [UInt8]) -> Reach {
        switch (b[0], b[1]) {
        case (127, _): return .loopback
        case (0, _), (10, _), (100, 64...127), (169, 254), (172, 16...31), (192, 168), (198, 18...19):
            return .restricted
        case (192, 0) where b[2] == 0 || b[2] == 2: return .restricted
        case (198, 51) where b[2] == 100: return .restricted
        case (203, 0) where b[2] == 113: return .restricted
        default: return b[0] < 224 ? .publicAddress : .restricted
        }
    }
}
