/// Something a render replaced instead of failing: the page is still safe to publish, but the
/// data that caused it should be fixed. The host maps `value` back to where the data came from.
public struct RenderWarning: Sendable, Hashable, CustomStringConvertible {
    /// What was replaced.
    public enum Kind: Sendable, Hashable {
        /// A URL whose scheme is not allowed was replaced by `URLPolicy.inert`.
        case unsafeURL
    }

    /// What was replaced.
    public let kind: Kind
    /// The value as the data held it.
    public let value: String
    /// The template and position of the `{{ }}` that printed it.
    public let template: String
    /// 1-based line of the `{{ }}`.
    public let line: Int
    /// 1-based column of the `{{ }}`, in Unicode scalars.
    public let column: Int

    /// A warning about `value`, printed by the `{{ }}` at `template`:`line`:`column`.
    public init(kind: Kind, value: String, template: String, line: Int, column: Int) {
        self.kind = kind
        self.value = value
        self.template = template
        self.line = line
        self.column = column
    }

    /// The location and what was replaced, for a log.
    public var description: String {
        "\(template):\(line):\(column): the URL '\(value)' is not allowed here and was replaced by '\(URLPolicy.inert)'"
    }
}

/// A rendered page and what was replaced in it.
public struct RenderedPage: Sendable {
    /// The page's text.
    public let text: String
    /// What the render replaced, in output order.
    public let warnings: [RenderWarning]
}
