import Foundation

/// One file of the site held by a `PreviewSession`, rendered when it is asked for.
public struct PreviewFile: Sendable {
    /// Relative to the site root, as `Builder.build()` writes it (`produk/tas/index.html`).
    public let path: String
    let snapshot: PreviewSnapshot
    let job: Int

    /// The file's bytes, exactly as a build writes them; the diagnostics of a template that fails
    /// at run time; or `.gone` when a file to copy has since vanished or been replaced by a link
    /// out of the site (a rebuild is then on its way).
    public func render() -> PreviewOutput {
        let prepared = snapshot.prepared
        let job = prepared.jobs[job]
        if case .copy(let source) = job.work {
            // Photos and theme files are read from the sources now, not copied at build time:
            // the link check of the build is repeated, since the file may have changed since.
            guard let real = FileSystem.realPath(source), FileSystem.isInside(real, snapshot.siteRoot),
                  Self.isRegularFile(real), let bytes = try? FileSystem.readBytes(real) else { return .gone }
            return .bytes(bytes)
        }
        defer {
            // A build collects the URLs templates refused and reports them at its end; here there
            // is no end, so they are dropped rather than kept for as long as the preview runs.
            for environment in prepared.pageEnvironments { _ = environment.takeWarnings() }
            _ = prepared.feedEnvironment.takeWarnings()
        }
        do {
            return .bytes(try job.render(prepared))
        } catch {
            return .failed([snapshot.builder.failure(error, job: job, prepared: prepared)])
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

public enum PreviewOutput: Sendable, Equatable {
    case bytes([UInt8])
    case failed([Diagnostic])
    case gone
}
