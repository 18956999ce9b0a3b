import LapakCore

/// What `lapak serve` serves and where.
public struct ServeOptions: Sendable {
    public var sourceDirectory: String
    /// 127.0.0.1 unless asked: a preview is for the person at this computer, not the network.
    public var host: String
    /// 0 picks any free port (for tests).
    public var port: UInt16
    public var includeDrafts: Bool
    public var language: Language
    /// Editors save in several steps (write, rename); changes this close together make one rebuild.
    public var settle: Duration
    /// Where processed photos are kept; nil for the build's default, `SOURCE/.lapak/cache`.
    public var cacheDirectory: String?
    /// The editor under `/_lapak/` (`--edit`); off, nothing there answers but 404.
    public var edit = false
    /// The editor's PIN when it listens beyond loopback; nil makes one up (tests set it).
    public var pin: String?

    public init(sourceDirectory: String, host: String = "127.0.0.1", port: UInt16 = 8080, includeDrafts: Bool = false,
                language: Language = .id, settle: Duration = .milliseconds(5)) {
        self.sourceDirectory = sourceDirectory
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.language = language
        self.settle = settle
    }
}
