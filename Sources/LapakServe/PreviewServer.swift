import FlyingFox
import FlyingSocks
import Foundation
import LapakCore
import Synchronization

/// `lapak serve`: keeps the site in memory (a `PreviewSession`), renders each file when it is
/// asked for, and rebuilds whenever `content/` or `themes/` change, re-parsing only the changed
/// files and telling open pages to reload. Nothing is written to disk.
public final class PreviewServer: Sendable {
    public let options: ServeOptions
    private let onBuild: @Sendable (PreviewBuild) -> Void
    private let hub = ReloadHub()
    private let state = PreviewState()
    private let files = SiteFiles()
    private let runtime = Mutex(Runtime())

    private struct Runtime {
        var server: HTTPServer?
        var serving: Task<Void, Never>?
        var heartbeat: Task<Void, Never>?
        var watcher: ChangeWatcher?
        var rebuilder: Rebuilder?
        var url = ""
        var port: UInt16 = 0
        var pin: String?
    }

    public init(options: ServeOptions, onBuild: @escaping @Sendable (PreviewBuild) -> Void = { _ in }) {
        self.options = options
        self.onBuild = onBuild
    }

    /// `http://127.0.0.1:8080/` once started.
    public var url: String { runtime.withLock { $0.url } }

    /// The editor's PIN, when `--edit` listens beyond loopback.
    public var pin: String? { runtime.withLock { $0.pin } }

    /// The port listened on, once started (the one chosen when `options.port` was 0).
    public var port: UInt16 { runtime.withLock { $0.port } }

    /// The site being served, once started.
    var session: PreviewSession? { files.current }

    /// Listens, builds once and starts watching. A problem (a port in use, a bad `--host`) is
    /// returned, not thrown; a content error is not a problem here: it is shown in the browser.
    public func start() async -> Diagnostic? {
        let shown = options.host.contains(":") ? "[\(options.host)]:\(options.port)" : "\(options.host):\(options.port)"
        guard let bind = BindAddress(host: options.host, port: options.port) else {
            return .error(.cannotListen(address: shown, reason: "--host"), at: SourceLocation(file: "--host"))
        }
        var handler = PreviewHandler(files: files, state: state, hub: hub, loopbackOnly: bind.isLoopback,
                                     language: options.language, sourceDirectory: options.sourceDirectory)
        if options.edit {
            // Beyond loopback every client, this computer's included, first enters the PIN.
            let pin = bind.isLoopback ? nil : (options.pin ?? EditorAccess.newPIN())
            runtime.withLock { $0.pin = pin }
            let context = EditorContext(files: ContentFiles(root: options.sourceDirectory), language: options.language,
                                        site: { [files] in files.current?.site })
            handler.editor = EditorHandler(context: context, access: EditorAccess(pin: pin))
        }
        // A handler's time includes reading the body: a phone's photo over a slow Wi-Fi and the
        // check of the saved file need longer than a page.
        let server = HTTPServer(config: .init(address: bind.address, timeout: options.edit ? 120 : 15, logger: .disabled), handler: handler)
        let failure = FailureBox()
        let serving = Task {
            do { try await server.run() } catch { failure.set("\(error)") }
        }
        runtime.withLock {
            $0.server = server
            $0.serving = serving
        }
        guard let port = await Self.waitForPort(server, failure: failure) else {
            await stop()
            return .error(.cannotListen(address: shown, reason: failure.value ?? "timeout"), at: SourceLocation(file: "--port"))
        }
        let url = "http://\(bind.urlHost):\(port)/"
        // Pages link to this server, so the base URL is known only now.
        // The editor shows members their drafts as the page will look.
        var buildOptions = BuildOptions(sourceDirectory: options.sourceDirectory, includeDrafts: options.includeDrafts || options.edit,
                                        baseURL: url)
        // The build's cache, shared; each photo is made when a page first asks for it, so the
        // preview opens at once even before a first build of hundreds of photos.
        buildOptions.cacheDirectory = options.cacheDirectory
        buildOptions.processesPhotos = false
        let session = PreviewSession(options: buildOptions)
        files.attach(session)
        // What the watcher saw since the last build started: a build takes it all.
        let pending = Mutex(ChangeSet.nothing)
        let rebuilder = Rebuilder(settle: options.settle) { [state, hub, onBuild, options] in
            let changes = pending.withLock { changes in
                defer { changes = .nothing }
                return changes
            }
            let report = session.rebuild(changes: changes)
            let generation = state.record(report, sourceDirectory: options.sourceDirectory)
            hub.announce(generation: generation)
            onBuild(PreviewBuild(generation: generation, report: report))
        }
        // Watching starts before the first build, so a file saved while it runs is built after it.
        let watcher = ChangeWatcher(root: options.sourceDirectory,
                                    folders: [options.sourceDirectory + "/content", options.sourceDirectory + "/themes"]) { changes in
            pending.withLock { $0 = $0.merged(with: changes) }
            rebuilder.changed()
        }
        watcher.start()
        await rebuilder.buildNow()
        let heartbeat = Task { [hub] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.keepAlive()
            }
        }
        runtime.withLock {
            $0.url = url
            $0.port = port
            $0.rebuilder = rebuilder
            $0.watcher = watcher
            $0.heartbeat = heartbeat
        }
        return nil
    }

    /// Stops watching, ends every reload stream and closes the server.
    public func stop() async {
        let parts = runtime.withLock { runtime -> Runtime in
            defer { runtime = Runtime() }
            return runtime
        }
        await parts.watcher?.stop()
        await parts.rebuilder?.stop()
        parts.heartbeat?.cancel()
        hub.close()
        await parts.server?.stop(timeout: 0.1)
        await parts.serving?.value
        files.attach(nil)
    }

    /// Waits until the socket listens (the port is then known) or the server fails to start.
    private static func waitForPort(_ server: HTTPServer, failure: FailureBox) async -> UInt16? {
        for _ in 0..<1000 {
            if failure.value != nil { return nil }
            if await server.isListening, let address = await server.listeningAddress {
                switch address {
                case .ip4(_, let port), .ip6(_, let port): return port
                case .unix: return nil
                }
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }
}

/// Why the server task ended early, written by that task and read by `start`.
private final class FailureBox: Sendable {
    private let message = Mutex<String?>(nil)
    var value: String? { message.withLock { $0 } }
    func set(_ text: String) { message.withLock { $0 = text } }
}
