import LapakCore
import Synchronization

/// The outcome of the latest preview build, read by every request.
final class PreviewState: Sendable {
    struct Snapshot: Sendable {
        /// Counts builds; pages carry the number they were served with.
        var generation = 0
        /// The diagnostics of the latest build when it failed; nil while the site is good.
        var failure: CheckReport?
    }

    private let snapshot = Mutex(Snapshot())

    var current: Snapshot { snapshot.withLock { $0 } }

    /// Records a finished build and returns its generation.
    func record(_ report: BuildReport, sourceDirectory: String) -> Int {
        let failure = report.succeeded ? nil
            : Checker.report(report.diagnostics.filter { $0.severity == .error }, sourceDirectory: sourceDirectory)
        return snapshot.withLock { state in
            state.generation += 1
            state.failure = failure
            return state.generation
        }
    }
}

/// One finished preview build, for the terminal.
public struct PreviewBuild: Sendable {
    public let generation: Int
    public let report: BuildReport
}
