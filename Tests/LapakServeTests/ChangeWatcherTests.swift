import Foundation
import LapakCore
import Synchronization
import Testing
@testable import LapakServe

/// The watcher names files written in place, and says it cannot tell for anything else.
@Suite struct ChangeWatcherTests {
    @Test func namesFilesWrittenInPlaceAndNothingElse() async throws {
        let root = NSTemporaryDirectory() + "lapak-watch-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/products", withIntermediateDirectories: true)
        let file = root + "/content/products/tas.md"
        try Data("satu".utf8).write(to: URL(fileURLWithPath: file))
        let seen = Seen()
        let watcher = ChangeWatcher(root: root, folders: [root + "/content"]) { changes in
            seen.value.withLock { $0 = $0.merged(with: changes) }
        }
        watcher.start()
        try await Task.sleep(for: .milliseconds(300))

        // Written in place: opened, truncated, written, closed.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("dua".utf8))
        try handle.close()
        let written = await waitFor(seen) { $0 != ChangeSet.nothing }
        #expect(written == .written(["content/products/tas.md"]))

        // A new file: the folder's listing changed, which only a full load sees.
        seen.value.withLock { $0 = .nothing }
        try Data("tiga".utf8).write(to: URL(fileURLWithPath: root + "/content/products/baru.md"))
        let created = await waitFor(seen) { $0 == ChangeSet.unknown }
        #expect(created == .unknown)
        await watcher.stop()
    }

    private final class Seen: Sendable {
        let value = Mutex(ChangeSet.nothing)
    }

    private func waitFor(_ seen: Seen, _ done: (ChangeSet) -> Bool) async -> ChangeSet {
        for _ in 0..<100 {
            let now = seen.value.withLock { $0 }
            if done(now) { return now }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return seen.value.withLock { $0 }
    }
}
