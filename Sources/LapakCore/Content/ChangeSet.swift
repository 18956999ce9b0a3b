/// What changed in a site folder since the last load, as a file watcher saw it.
public enum ChangeSet: Sendable, Equatable {
    /// Only these files were written in place (paths relative to the site folder). Nothing was
    /// created, removed, renamed or re-permissioned.
    case written(Set<String>)
    /// Anything may have changed: a file appeared or went away, the watcher lost events, or it
    /// cannot tell (polling).
    case unknown

    public static let nothing = ChangeSet.written([])

    /// Both sets of changes together.
    public func merged(with other: ChangeSet) -> ChangeSet {
        switch (self, other) {
        case (.written(let a), .written(let b)): return .written(a.union(b))
        default: return .unknown
        }
    }
}
