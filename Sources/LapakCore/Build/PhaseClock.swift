import Foundation

/// Phase timings on standard error when `LAPAK_PROFILE` is set: where a build spends its time,
/// without a profiler.
struct PhaseClock {
    private static let enabled = ProcessInfo.processInfo.environment["LAPAK_PROFILE"] != nil
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
        guard Self.enabled else { return }
        let now = clock.now
        let milliseconds = (now - last).components.attoseconds / 1_000_000_000_000_000 + (now - last).components.seconds * 1000
        FileHandle.standardError.write(Data("lapak: \(phase): \(milliseconds) ms, resident \(Self.residentMB) MB\n".utf8))
        last = now
    }
}
