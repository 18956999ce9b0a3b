/// What `lapak new` wrote, and what the contributor does next.
public struct ScaffoldResult: Sendable, Hashable {
    /// The new content file, relative to the site folder: `content/products/tas-anyaman-pandan.md`.
    public let file: String
    /// The photo copied with `--image`, relative to the site folder.
    public let copiedPhoto: String?
    /// Where a product's photo must still be saved, when none was given or found.
    public let photoToAdd: String?

    /// Lines for the terminal: the path written, the photo, and the commands to run next.
    /// `source` is the `--source` argument as typed, repeated in the commands when given.
    public func summary(_ language: Language, source: String? = nil) -> String {
        let id = language == .id
        let prefix = source.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        var lines = [(id ? "Berkas baru: " : "New file: ") + prefix + file]
        if let copiedPhoto {
            lines.append((id ? "Foto disalin ke " : "Photo copied to ") + prefix + copiedPhoto + ".")
        }
        if let photoToAdd {
            lines.append(id ? "Foto belum ada: simpan foto produknya sebagai \(prefix + photoToAdd)."
                            : "No photo yet: save the product's photo as \(prefix + photoToAdd).")
        }
        let option = source.map { " --source " + Self.shellQuoted($0) } ?? ""
        lines.append(id ? "Langkah berikutnya: lengkapi isi berkas itu, lalu periksa dan lihat hasilnya:"
                        : "Next: fill in the file, then check it and preview the site:")
        lines.append("  lapak check" + option)
        lines.append("  lapak serve" + option)
        return lines.joined(separator: "\n")
    }

    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "/._-~".unicodeScalars.contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
