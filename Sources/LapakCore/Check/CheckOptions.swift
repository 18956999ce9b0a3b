import Foundation

/// What `lapak check` looks at, and the clock it measures "the future" against.
public struct CheckOptions: Sendable {
    public var sourceDirectory: String
    public var includeDrafts: Bool
    /// "Now" for dated content; injectable so a test does not depend on the day it runs.
    public var now: Date
    /// Photos above this size get a warning: every byte is paid for by buyers on mobile data.
    public var largeImageBytes: Int

    public init(sourceDirectory: String, includeDrafts: Bool = false, now: Date = Date(),
                largeImageBytes: Int = 1_048_576) {
        self.sourceDirectory = sourceDirectory
        self.includeDrafts = includeDrafts
        self.now = now
        self.largeImageBytes = largeImageBytes
    }
}
