import Synchronization

/// Values kept until the process exits (see `BuildOptions.releasesMemory`).
enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
