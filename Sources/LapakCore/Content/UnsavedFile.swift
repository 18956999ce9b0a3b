/// A content file's bytes before they are written: what the editor checks with the rest of the
/// site, so a file with errors is never published.
public struct UnsavedFile: Sendable {
    /// Relative to the site folder: `content/products/tas.md`.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
