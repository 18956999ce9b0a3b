/// The language of messages for contributors: Bahasa Indonesia first, English on request.
public enum Language: String, Sendable, CaseIterable {
    case id, en
}

public enum Severity: String, Sendable, Comparable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A place in a source file: the path as the contributor sees it (relative to the site folder),
/// with 1-based line and column. Line and column are 0 when the problem concerns the whole file.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:column`, or less where line or column are unknown.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

/// One problem found in a build, as a value: where, how bad, what, and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    public let severity: Severity
    public let location: SourceLocation
    public let problem: Problem

    public init(_ severity: Severity, _ problem: Problem, at location: SourceLocation) {
        self.severity = severity
        self.problem = problem
        self.location = location
    }

    public static func error(_ problem: Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, problem, at: location)
    }

    public static func warning(_ problem: Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, problem, at: location)
    }

    /// A stable identifier of the kind of problem, for editors and CI.
    public var code: String { problem.code }

    public func message(_ language: Language) -> String { problem.text(language).message }
    public func hint(_ language: Language) -> String? { problem.text(language).hint }

    /// `file:line:column: error: message` followed by an indented hint line.
    public func formatted(_ language: Language) -> String {
        let label: String
        switch (severity, language) {
        case (.error, .id): label = "galat"
        case (.warning, .id): label = "peringatan"
        case (.error, .en): label = "error"
        case (.warning, .en): label = "warning"
        }
        var out = "\(location.description): \(label): \(message(language))"
        if let hint = hint(language) {
            out += "\n    \(language == .id ? "saran" : "hint"): \(hint)"
        }
        return out
    }

    /// Same diagnostic with a new severity (used by `--strict`).
    public func with(severity: Severity) -> Diagnostic {
        Diagnostic(severity, problem, at: location)
    }
}

/// Problems gathered over a whole run, so a contributor sees all of them at once.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.filter { $0.severity == .error }.count }
    public var warningCount: Int { items.filter { $0.severity == .warning }.count }

    /// Sorted by file and position, so output never depends on thread timing.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.code) < ($1.location, $1.code) }
    }
}
