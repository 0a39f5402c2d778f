import Foundation

/// What a viewer may do with an opportunity. The use case checks the same values before each change, so a page
/// that shows only these buttons never offers what would be refused.
public struct OpportunityPermissions: Sendable, Equatable {
    public var edit = false
    public var publish = false
    public var renew = false
    public var close = false

    public init(edit: Bool = false, publish: Bool = false, renew: Bool = false, close: Bool = false) {
        self.edit = edit
        self.publish = publish
        self.renew = renew
        self.close = close
    }

    public static let none = OpportunityPermissions()
}

extension Opportunity {
    /// What its state allows a member of its organisation at `now`.
    public func permissions(at now: Date) -> OpportunityPermissions {
        let status = status(at: now)
        return OpportunityPermissions(
            edit: status == .draft || status == .published, publish: state == .draft,
            renew: status == .published || status == .expired, close: state != .closed)
    }
}
