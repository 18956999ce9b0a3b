import Dispatch
import Synchronization

/// Maps over a collection on all cores, keeping results in input order (so output stays
/// deterministic whatever the scheduling).
///
/// Each thread takes the next few items as it becomes free: items differ in cost by a
/// thousand times (a catalog of 10,000 products against a forwarding page), and fixed shares
/// left one core working alone at the end while the other waited.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let threads = ProcessInfoCores.active
    if items.count < 2 || threads == 1 { return items.map(transform) }
    let slots = ResultSlots<R>(count: items.count)
    let next = Atomic<Int>(0)
    // Small batches: few enough claims to cost nothing, small enough to end together.
    let batch = max(1, min(16, items.count / (threads * 64)))
    DispatchQueue.concurrentPerform(iterations: min(threads, items.count)) { _ in
        while true {
            let first = next.add(batch, ordering: .relaxed).oldValue
            guard first < items.count else { return }
            for index in first..<min(items.count, first + batch) {
                slots.set(index, transform(items[index]))
            }
        }
    }
    return slots.values()
}

/// Write-once slots filled from many threads; each index is written by exactly one worker.
/// The slots are one allocation written through its pointer: a Swift array's
/// `withUnsafeMutableBufferPointer` takes the array out of its variable for the length of the
/// call, so two threads writing that way lose each other's results.
private final class ResultSlots<R>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: R) { storage[index] = value }

    func values() -> [R] { storage.map { $0! } }
}

enum ProcessInfoCores {
    /// The cores to use: `LAPAK_THREADS` when set (output never depends on it; tests check that),
    /// else every online core.
    static var active: Int {
        if let text = getenv("LAPAK_THREADS"), let count = Int(String(cString: text)), count > 0 { return count }
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
