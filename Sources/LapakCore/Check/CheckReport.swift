/// Everything `lapak check` found, sorted by file and position, ready to be printed as text or JSON.
public struct CheckReport: Sendable {
    /// One diagnostic with the text of the line it points at, so output can show it with a caret.
    public struct Entry: Sendable, Hashable {
        public let diagnostic: Diagnostic
        public let sourceLine: String?

        public init(diagnostic: Diagnostic, sourceLine: String? = nil) {
            self.diagnostic = diagnostic
            self.sourceLine = sourceLine
        }
    }

    /// How much content was looked at, for the closing line.
    public struct Counts: Sendable, Hashable {
        public var products = 0
        public var producers = 0
        public var news = 0
        public var pages = 0

        public init(products: Int = 0, producers: Int = 0, news: Int = 0, pages: Int = 0) {
            self.products = products
            self.producers = producers
            self.news = news
            self.pages = pages
        }
    }

    public let entries: [Entry]
    public let counts: Counts
    /// How many products each shopping channel would accept (empty when nothing was loaded).
    public let readiness: [ChannelReadiness]
    /// On a site in more than one language: for each other language, the files that have no
    /// translation into it yet. Information, not a warning: a site may grow its translations.
    public let untranslated: [(language: String, files: [String])]

    public init(entries: [Entry], counts: Counts = Counts(), readiness: [ChannelReadiness] = [],
                untranslated: [(language: String, files: [String])] = []) {
        self.entries = entries
        self.counts = counts
        self.readiness = readiness
        self.untranslated = untranslated
    }

    public var diagnostics: [Diagnostic] { entries.map(\.diagnostic) }
    public var errorCount: Int { entries.filter { $0.diagnostic.severity == .error }.count }
    public var warningCount: Int { entries.filter { $0.diagnostic.severity == .warning }.count }

    /// 1 when there is an error, 0 otherwise: warnings alone never fail a CI run.
    public var exitCode: Int32 { errorCount > 0 ? 1 : 0 }
}
