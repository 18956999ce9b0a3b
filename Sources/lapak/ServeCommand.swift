import ArgumentParser
import Dispatch
import Foundation
import LapakCore
import LapakServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser; pages reload by themselves after every change.",
        discussion: """
        Builds the site in memory (never writing SOURCE/site), serves it, and rebuilds whenever \
        a file under content/ or themes/ changes, re-reading only the files that changed. While \
        the content has errors the browser shows them instead of the site. Stop with Ctrl-C.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and optionally themes/.", valueName: "DIR"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Address to listen on; 0.0.0.0 lets phones on the same network see it.", valueName: "ADDRESS"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: UInt16 = 8080

    @Flag(name: .long, help: "Include files marked `draft: true`.")
    var drafts = false

    @Option(name: .long, help: "Language of messages: id (Bahasa Indonesia) or en.")
    var lang: MessageLanguage = .id

    @Flag(name: .long, help: ArgumentHelp("Turn on the editor under /_lapak/ so members add and edit products from a browser; with --host 0.0.0.0 phones on the network reach it after entering the PIN shown here."))
    var edit = false

    @Option(name: .customLong("cache-dir"),
            help: ArgumentHelp("Where processed photos are kept (default: SOURCE/.lapak/cache), shared with lapak build.", valueName: "DIR"))
    var cacheDir: String?

    func run() throws {
        StopSignals.block()
        let language = lang.language
        let source = try SiteFolder.require(self.source, language: language)
        var options = ServeOptions(sourceDirectory: source, host: host, port: port, includeDrafts: drafts, language: language)
        options.cacheDirectory = cacheDir.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        options.edit = edit
        let server = PreviewServer(options: options) { build in
            Self.report(build, language: language)
        }
        let started = DispatchSemaphore(value: 0), stopped = DispatchSemaphore(value: 0)
        let problem = ResultBox()
        Task {
            problem.set(await server.start())
            started.signal()
        }
        started.wait()
        if let problem = problem.value {
            FileHandle.standardError.write(Data((problem.formatted(language) + "\n").utf8))
            throw ExitCode(1)
        }
        Self.say(language == .en ? "Preview at \(server.url) (Ctrl-C to stop)" : "Pratinjau di \(server.url) (Ctrl-C untuk berhenti)")
        if edit {
            // Listening on every interface, phones need this computer's address on the network.
            var url = server.url
            if host == "0.0.0.0" || host == "::", let lan = EditorAnnouncement.lanAddress() {
                url = "http://\(lan):\(server.port)/"
            }
            EditorAnnouncement.lines(url: url, pin: server.pin, language: language).forEach(Self.say)
        }
        // Ctrl-C stops the server cleanly: open reload streams end and the port is freed.
        StopSignals.wait()
        Task {
            await server.stop()
            stopped.signal()
        }
        stopped.wait()
    }

    /// One line per build, and the diagnostics of a failed one.
    @Sendable static func report(_ build: PreviewBuild, language: Language) {
        let milliseconds = Int((build.report.seconds * 1000).rounded())
        for diagnostic in DiagnosticList(build.report.diagnostics).sorted {
            FileHandle.standardError.write(Data((diagnostic.formatted(language) + "\n").utf8))
        }
        let line: String
        switch (build.report.succeeded, language) {
        case (true, .id): line = "Dibangun (#\(build.generation)): \(build.report.pages) halaman dalam \(milliseconds) ms."
        case (true, .en): line = "Built (#\(build.generation)): \(build.report.pages) pages in \(milliseconds) ms."
        case (false, .id): line = "Gagal dibangun (#\(build.generation)): perbaiki galat di atas; peramban menampilkannya juga."
        case (false, .en): line = "Build failed (#\(build.generation)): fix the errors above; the browser shows them too."
        }
        say(line)
    }

    /// Written at once, not buffered: the terminal shows each build as it happens.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Diagnostic?
    var value: Diagnostic? { lock.withLock { stored } }
    func set(_ value: Diagnostic?) { lock.withLock { stored = value } }
}

/// Ctrl-C and `kill`: blocked in every thread from the start and taken by `sigwait`, which works
/// even when a shell started `lapak serve` in the background with SIGINT ignored.
enum StopSignals {
    static func block() {
        var set = signals
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    static func wait() {
        var set = signals
        var received: Int32 = 0
        sigwait(&set, &received)
    }

    private static var signals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }
}
