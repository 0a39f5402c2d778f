import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which hosts the delivery worker may contact: loopback or public addresses only, never private networks,
/// link-local (cloud metadata), multicast or reserved ranges. Every address a name resolves to must pass.
enum WebhookAddressPolicy {
    enum Refusal: Error, CustomStringConvertible {
        case unresolvable(String)
        case notPublic(String)

        var description: String {
            switch self {
            case .unresolvable(let host): "the host \(host) could not be resolved"
            case .notPublic(let address): "the address \(address) is neither loopback nor public"
            }
        }
    }

    /// Resolves the host and throws unless every address is allowed.
    static func check(host: String) throws {
        let host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = resolve(host)
        guard !addresses.isEmpty else { throw Refusal.unresolvable(host) }
        for address in addresses where !isAllowed(address) {
            throw Refusal.notPublic(address.map(String.init).joined(separator: "."))
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

    static func isAllowed(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 4 { return isAllowedV4(bytes) }
        guard bytes.count == 16 else { return false }
        if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }  // ::1
        if bytes.allSatisfy({ $0 == 0 }) { return false }  // ::
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
            return isAllowedV4(Array(bytes[12..<16]))  // ::ffff:a.b.c.d
        }
        if bytes[0] & 0xfe == 0xfc { return false }  // fc00::/7 unique local
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return false }  // fe80::/10 link-local
        if bytes[0] == 0xff { return false }  // multicast
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8 { return false }  // docs
        if bytes[0..<12].allSatisfy({ $0 == 0 }) { return false }  // IPv4-compatible, deprecated
        return true
    }

    static func isAllowedV4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (127, _): return true
        case (0, _), (10, _), (100, 64...127), (169, 254), (172, 16...31), (192, 168), (198, 18...19): return false
        case (192, 0) where b[2] == 0 || b[2] == 2: return false
        case (198, 51) where b[2] == 100: return false
        case (203, 0) where b[2] == 113: return false
        default: return b[0] < 224
        }
    }
}
