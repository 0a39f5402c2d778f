/// Which witnesses must cosign a checkpoint before a client trusts it: every group must reach its threshold.
public struct WitnessPolicy: Sendable {
    /// The groups, all of which must be satisfied.
    public let groups: [WitnessGroup]

    /// Creates a policy, checking group names are unique and thresholds reachable.
    public init(groups: [WitnessGroup]) throws(WitnessPolicyError) {
        var names: Set<String> = []
        for group in groups {
            guard names.insert(group.name).inserted else { throw .duplicateGroup(group.name) }
            guard (1...max(1, group.witnesses.count)).contains(group.threshold), !group.witnesses.isEmpty else {
                throw .unreachableThreshold(
                    group: group.name, threshold: group.threshold, witnesses: group.witnesses.count)
            }
        }
        self.groups = groups
    }

    /// Parses a policy such as `eu:1,cn:1` and a key list of lines `<group> <cosigner verifier key>`; blank
    /// lines and lines starting with `#` are skipped.
    public init(parsing policy: String, keyList: String) throws(WitnessPolicyError) {
        var thresholds: [(name: String, threshold: Int)] = []
        for term in policy.split(separator: ",") {
            let parts = term.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let threshold = Int(parts[1].trimmingSpaces()), !parts[0].trimmingSpaces().isEmpty
            else { throw .malformedPolicy(String(term)) }
            thresholds.append((String(parts[0].trimmingSpaces()), threshold))
        }
        var keys: [String: [CosignatureVerifier]] = [:]
        for line in keyList.split(separator: "\n") {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let verifier = try? CosignatureVerifier(verifierKey: String(parts[1])) else {
                throw .malformedKeyLine(String(trimmed))
            }
            let group = String(parts[0])
            guard thresholds.contains(where: { $0.name == group }) else { throw .unknownGroup(group) }
            keys[group, default: []].append(verifier)
        }
        try self.init(
            groups: thresholds.map {
                WitnessGroup(name: $0.name, threshold: $0.threshold, witnesses: keys[$0.name] ?? [])
            })
    }

    /// Every witness key named by the policy.
    public var witnesses: [CosignatureVerifier] {
        groups.flatMap(\.witnesses)
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> Substring {
        let characters = self[...]
        let start = characters.firstIndex { !$0.isWhitespace } ?? characters.endIndex
        let end = characters.lastIndex { !$0.isWhitespace }.map { characters.index(after: $0) } ?? start
        return Substring(characters[start..<end])
    }
}
