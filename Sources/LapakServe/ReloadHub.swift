import Foundation
import Synchronization

/// Open pages waiting for a rebuild, each an event stream. A rebuild is announced to all of them;
/// stopping the server ends every stream so no connection is left hanging.
final class ReloadHub: Sendable {
    private struct State {
        var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// A new listener, told the current build at once.
    func subscribe(generation: Int) -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        continuation.yield("retry: 1000\n" + Self.event(generation))
        let closed = state.withLock { state -> Bool in
            if !state.closed { state.listeners[id] = continuation }
            return state.closed
        }
        if closed { continuation.finish() }
        return stream
    }

    func announce(generation: Int) {
        send(Self.event(generation))
    }

    /// A comment line: browsers ignore it, and a connection whose reader has gone fails the write.
    func keepAlive() {
        send(": ping\n\n")
    }

    var listenerCount: Int { state.withLock { $0.listeners.count } }

    func close() {
        let listeners = state.withLock { state in
            state.closed = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }

    private func send(_ text: String) {
        for listener in state.withLock({ Array($0.listeners.values) }) { listener.yield(text) }
    }

    static func event(_ generation: Int) -> String {
        "event: build\ndata: \(generation)\n\n"
    }
}
