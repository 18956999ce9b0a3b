import LapakCore
import Synchronization

/// The site the preview serves, found by path: the `PreviewSession`, attached once the port, and
/// so the base URL its pages link to, is known. Until then every path is missing.
final class SiteFiles: Sendable {
    private let session = Mutex<PreviewSession?>(nil)

    /// `nil` when the server stops, so the site it held in memory goes with it.
    func attach(_ session: PreviewSession?) {
        self.session.withLock { $0 = session }
    }

    var current: PreviewSession? { session.withLock { $0 } }

    func lookup(_ relative: String) -> PreviewLookup {
        current?.lookup(relative) ?? .missing
    }
}
