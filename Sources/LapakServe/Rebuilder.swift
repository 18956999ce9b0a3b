import Dispatch
import Synchronization

/// Runs builds one at a time, off the server's threads. A burst of changes makes one build; a
/// change during a build makes one more after it, so the last save is always built.
final class Rebuilder: Sendable {
    private struct State {
        var scheduled = false
        var stopped = false
    }

    private let queue = DispatchQueue(label: "lapak.serve.build", qos: .userInitiated)
    private let state = Mutex(State())
    private let settle: Duration
    private let build: @Sendable () -> Void

    init(settle: Duration, build: @escaping @Sendable () -> Void) {
        self.settle = settle
        self.build = build
    }

    func changed() {
        let schedule = state.withLock { state -> Bool in
            guard !state.scheduled, !state.stopped else { return false }
            state.scheduled = true
            return true
        }
        guard schedule else { return }
        let (seconds, attoseconds) = settle.components
        let delay = Double(seconds) + Double(attoseconds) / 1e18
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            let stopped = state.withLock { state -> Bool in
                state.scheduled = false
                return state.stopped
            }
            if !stopped { build() }
        }
    }

    /// Builds at once and returns when the build is done.
    func buildNow() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { [self] in
                if !state.withLock({ $0.stopped }) { build() }
                done.resume()
            }
        }
    }

    /// No build starts after this returns; one already running is waited for.
    func stop() async {
        state.withLock { $0.stopped = true }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { done.resume() }
        }
    }
}
