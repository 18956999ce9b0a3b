import Foundation
import Imaging

/// The editor's reads and writes of a site's `content/` folder, and nothing outside it: every
/// path is built here from a checked name, never taken from a request, and a folder or file that
/// is a link out of `content/` is refused. Writes are atomic (a temporary file renamed over the
/// old one), and a file that changed on disk since it was read is never overwritten.
public struct ContentFiles: Sendable {
    public enum Failure: Error, Equatable {
        /// A name that is not a content file name (`../x`, `.git`, `a/b`, too long).
        case badName
        /// The path leads out of `content/` through a link.
        case outside
        case missing
        case exists
        /// The file on disk is no longer what the form was opened with.
        case changedOnDisk
        case system(String)
        /// An upload that is not a photo, or one the photo pipeline refuses.
        case photo(PhotoProblem)
    }

    /// The site folder, holding `content/`.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// Lower-case letters, digits, `-`, `_` and `.` inside, at most 120 characters: what
    /// `lapak new` writes and what a URL carries without encoding.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...120).contains(name.utf8.count), let first = name.utf8.first, let last = name.utf8.last,
              first != UInt8(ascii: "."), first != UInt8(ascii: "-"), last != UInt8(ascii: "."), !name.contains("..") else { return false }
        return name.utf8.allSatisfy { ("a"..."z").contains(Character(Unicode.Scalar($0))) || ("0"..."9").contains(Character(Unicode.Scalar($0)))
            || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// `content/products/tas.md` for a product named `tas`.
    public static func path(kind: ContentKind, name: String) throws(Failure) -> String {
        guard isValidName(name) else { throw .badName }
        return "content/\(kind.rawValue)/\(name).md"
    }

    /// The names of a kind's files, sorted.
    public func names(of kind: ContentKind) -> [String] {
        FileSystem.list(root + "/content/" + kind.rawValue)
            .filter { !$0.isDirectory && !$0.isSymlink && $0.name.hasSuffix(".md") }
            .map { String($0.name.dropLast(3)) }
            .filter(Self.isValidName)
    }

    public static func digest(_ bytes: [UInt8]) -> String { ContentDigest.sha256(bytes) }

    public func read(_ relative: String) throws(Failure) -> [UInt8] {
        let full = try checked(relative)
        guard FileSystem.exists(full) else { throw .missing }
        do {
            return try FileSystem.readBytes(full)
        } catch {
            throw .system("\(error)")
        }
    }

    /// Replaces a file whose bytes still have `digest`; atomically, so a reader (the preview, a
    /// build) sees the old file or the new one, never half of one.
    public func replace(_ relative: String, with bytes: [UInt8], expecting digest: String) throws(Failure) {
        let current = try read(relative)
        guard Self.digest(current) == digest else { throw .changedOnDisk }
        try writeAtomically(try checked(relative), bytes)
    }

    /// Writes a new file; one that exists already is never overwritten.
    public func create(_ relative: String, with bytes: [UInt8]) throws(Failure) {
        let full = try checked(relative)
        do {
            try NewFile.create(full, bytes: bytes)
        } catch .exists {
            throw .exists
        } catch {
            throw .system(error.description)
        }
    }

    /// Moves a file and the photos given with it to `content/.trash/`, from where a volunteer
    /// can take them back; nothing is deleted.
    public func moveToTrash(_ relative: String, photos: [String] = [], now: Date = Date()) throws(Failure) {
        let full = try checked(relative)
        guard FileSystem.exists(full) else { throw .missing }
        let stamp = String(Int(now.timeIntervalSince1970))
        let trash = root + "/content/.trash/" + stamp
        do {
            try FileManager.default.createDirectory(atPath: trash, withIntermediateDirectories: true)
        } catch {
            throw .system("\(error)")
        }
        for item in [relative] + photos.map({ "content/" + $0 }) {
            guard let source = try? checked(item), FileSystem.exists(source) else { continue }
            let target = trash + "/" + String(item.dropFirst("content/".count))
            try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            guard rename(source, target) == 0 else { throw .system(String(cString: strerror(errno))) }
        }
    }

    /// A photo from a phone stored as `content/<folder>/<name>.jpg` (`-2`, `-3`… when taken):
    /// upright, without metadata, at most `PhotoStripper.maxSide` pixels on its long side, as
    /// JPEG (screenshots and drawings stay lossless PNG). Returns the path under `content/`.
    public func importPhoto(_ bytes: [UInt8], folder: String, name: String) throws(Failure) -> String {
        guard Self.isValidName(name), ["images/products", "images/producers", "images/news", "images/pages"].contains(folder) else {
            throw Failure.badName
        }
        do {
            return try storePhoto(bytes, folder: folder, name: name)
        } catch let failure as PhotoFailure {
            throw .photo(PhotoProblem(failure, path: "photo"))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .system("\(error)")
        }
    }

    private func storePhoto(_ bytes: [UInt8], folder: String, name: String) throws -> String {
        let header = try Photo.header(of: bytes)
        let copy: [UInt8]
        let ext: String
        switch header.format {
        case .png, .gif:
            copy = try Photo.safeOriginal(bytes, maxSide: PhotoStripper.maxSide).bytes
            ext = "png"
        default:
            let scale = min(1.0, Double(PhotoStripper.maxSide) / Double(max(header.width, header.height)))
            let width = max(1, Int((Double(header.width) * scale).rounded()))
            let height = max(1, Int((Double(header.height) * scale).rounded()))
            copy = try Photo.decode(bytes, width: width, height: height).encoded(width: width, height: height, as: .jpeg, quality: 90)
            ext = "jpg"
        }
        for attempt in 1...100 {
            let relative = "\(folder)/\(name)\(attempt == 1 ? "" : "-\(attempt)").\(ext)"
            do {
                try create("content/" + relative, with: copy)
                return relative
            } catch .exists {
                continue
            }
        }
        throw Failure.exists
    }

    /// The absolute path of a path under `content/`, refused when it has a `..` or hidden part
    /// (other than the trash) or when a link takes it out of `content/`.
    func checked(_ relative: String) throws(Failure) -> String {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.first == "content",
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && (!$0.hasPrefix(".") || $0 == ".trash") }),
              !relative.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\\") }) else { throw .badName }
        guard let content = FileSystem.realPath(root + "/content") else { throw .missing }
        // Every existing part must resolve to itself inside content/ (a link would not).
        var path = root + "/content"
        var expected = content
        for part in parts.dropFirst() {
            path += "/" + part
            expected += "/" + part
            guard FileSystem.exists(path) else { break }
            guard FileSystem.realPath(path) == expected else { throw .outside }
        }
        return root + "/" + relative
    }

    private func writeAtomically(_ full: String, _ bytes: [UInt8]) throws(Failure) {
        do {
            try AtomicFile.write(bytes, to: full)
        } catch {
            throw .system("\(error)")
        }
    }
}
