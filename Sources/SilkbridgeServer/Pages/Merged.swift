import Mustache

/// Two views read as one by a template: the first one's values, then the second one's where the first has none. So a
/// page keeps its own fields and still shows the summary it shares with a list, or a rejected form's messages.
struct Merged<First, Second>: MustacheParent {
    let first: First
    let second: Second?

    init(_ first: First, _ second: Second?) {
        self.first = first
        self.second = second
    }

    func child(named name: String) -> Any? {
        Self.value(named: name, in: first) ?? second.flatMap { Self.value(named: name, in: $0) }
    }

    /// An absent optional reads as no value, so the lookup goes on to the second view as Mustache would.
    private static func value(named name: String, in view: Any) -> Any? {
        if let parent = view as? any MustacheParent { return parent.child(named: name) }
        guard let value = Mirror(reflecting: view).descendant(name) else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
