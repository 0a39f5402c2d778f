import Foundation

/// Substring search over UTF-8 bytes: bodies reach megabytes, where a character-wise search is slow.
enum ByteSearch {
    static func contains(_ needle: String, in haystack: String) -> Bool {
        var needle = needle
        var haystack = haystack
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard let first = pin.first else { return true }
                guard hay.count >= pin.count, let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else {
                    return false
                }
                var offset = 0
                let lastStart = hay.count - pin.count
                while offset <= lastStart {
                    guard let found = memchr(hayStart + offset, Int32(first), lastStart - offset + 1) else {
                        return false
                    }
                    let position = UnsafeRawPointer(found) - UnsafeRawPointer(hayStart)
                    if memcmp(hayStart + position, pinStart, pin.count) == 0 {
                        return true
                    }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
