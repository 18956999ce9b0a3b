import Glibc
import VipsShim

/// libvips, started once per process with bounded threads and memory.
public enum PhotoEngine {
    /// Lapak decodes one photo per core itself, so libvips works on one thread per photo;
    /// its operation cache is off (every photo is decoded once) and holds at most this.
    static let cacheBytes = 16 * 1024 * 1024

    private static let started: Bool = lapak_vips_start(1, cacheBytes) == 0

    /// Starts libvips if it has not been; false when it cannot start (a broken installation).
    @discardableResult
    public static func start() -> Bool { started }

    /// libvips' version, part of every cache key: a new libvips may encode differently. Read
    /// without starting libvips (a compiled-in string), so a build with every photo cached never
    /// pays for starting it.
    public static var version: String {
        let text = lapak_vips_version()
        return text.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) } ?? ""
    }
}
