import Foundation

/// What `lapak check` looks at, and the clock it measures "the future" against.
public struct CheckOptions: Sendable {
    public var sourceDirectory: String
    public var includeDrafts: Bool
    /// "Now" for dated content; injectable so a test does not depend on the day it runs.
    public var now: Date
    /// A file read as it would be saved instead of as it is on disk.
    public var unsaved: UnsavedFile?

    public init(sourceDirectory: String, includeDrafts: Bool = false, now: Date = Date()) {
        self.sourceDirectory = sourceDirectory
        self.includeDrafts = includeDrafts
        self.now = now
    }
}
