import Foundation
import Synchronization

/// Phase timings on standard error when `LAPAK_PROFILE` is set: where a build spends its time,
/// without a profiler.
struct PhaseClock {
    static let isEnabled = ProcessInfo.processInfo.environment["LAPAK_PROFILE"] != nil
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() { last = clock.now }

    /// Resident memory now, from /proc (Linux).
    private static var residentMB: Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * 4096 / 1_048_576
    }

    mutating func mark(_ phase: String) {
        guard Self.isEnabled else { return }
        let now = clock.now
        let milliseconds = (now - last).components.attoseconds / 1_000_000_000_000_000 + (now - last).components.seconds * 1000
        FileHandle.standardError.write(Data("lapak: \(phase): \(milliseconds) ms, resident \(Self.residentMB) MB\n".utf8))
        last = now
    }
}

/// With `LAPAK_PROFILE`, the time spent on each kind of output file (by template or origin),
/// summed over threads: which pages a theme makes costly.
final class JobClock: Sendable {
    static let shared = JobClock()
    private let totals = Mutex<[String: (count: Int, nanoseconds: Int64)]>([:])

    var enabled: Bool { PhaseClock.isEnabled }

    func measure<T>(_ origin: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
            totals.withLock { $0[origin, default: (0, 0)].count += 1; $0[origin, default: (0, 0)].nanoseconds += nanoseconds }
        }
        return try work()
    }

    func report() {
        guard enabled else { return }
        let rows = totals.withLock { totals in
            defer { totals = [:] }
            return totals.sorted { $0.value.nanoseconds > $1.value.nanoseconds }
        }
        for (origin, total) in rows.prefix(12) {
            let milliseconds = total.nanoseconds / 1_000_000
            let each = total.nanoseconds / Int64(max(1, total.count)) / 1000
            FileHandle.standardError.write(Data("lapak:   \(origin): \(total.count) files, \(milliseconds) ms of CPU, \(each) µs each\n".utf8))
        }
    }
}
