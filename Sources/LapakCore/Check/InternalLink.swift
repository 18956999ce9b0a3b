import Foundation

/// Where a link or image in a Markdown body leads, as a path under the site root.
enum InternalLink: Equatable {
    /// Another site, a mail or phone link, or an anchor on the same page: not ours to check.
    case external
    /// A path that climbs above the site root or leaves the base path.
    case outside
    /// Decoded, without query or fragment and without a leading `/`: `produk/tas/`, `images/a.jpg`.
    case path(String)

    /// `url` as the loader left it (content paths already carry the base path); relative links
    /// are resolved against `route`, the page the body is shown on.
    static func resolve(_ url: String, basePath: String, from route: String) -> InternalLink {
        var link = Substring(url.trimmed)
        if link.isEmpty || link.hasPrefix("#") || link.hasPrefix("//") || hasScheme(link) { return .external }
        if let cut = link.firstIndex(where: { $0 == "?" || $0 == "#" }) { link = link[..<cut] }
        let decoded = link.removingPercentEncoding ?? String(link)
        let joined: String
        if decoded.hasPrefix("/") {
            if decoded + "/" == basePath { return .path("") }
            guard decoded.hasPrefix(basePath) else { return .outside }
            joined = String(decoded.dropFirst(basePath.count))
        } else if decoded.isEmpty {
            return .path(route)
        } else {
            let directory = route.hasSuffix("/") || route.isEmpty ? route : String(route[..<(route.lastIndex(of: "/").map { route.index(after: $0) } ?? route.startIndex)])
            joined = directory + decoded
        }
        var parts: [Substring] = []
        let segments = joined.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            switch segment {
            case ".": continue
            case "..":
                if parts.isEmpty { return .outside }
                parts.removeLast()
            default: parts.append(segment)
            }
        }
        let isFolder = joined.hasSuffix("/") || segments.last == "." || segments.last == ".."
        let path = parts.joined(separator: "/")
        return .path(isFolder && !path.isEmpty ? path + "/" : path)
    }

    /// `https:`, `mailto:`, `tel:`, `wa.me` links written with a scheme: a letter, then letters,
    /// digits, `+`, `-` or `.` up to a colon that comes before any `/`, `?` or `#`.
    static func hasScheme(_ link: Substring) -> Bool {
        guard let first = link.unicodeScalars.first, first.isASCIILetter else { return false }
        for scalar in link.unicodeScalars.dropFirst() {
            if scalar == ":" { return true }
            if !(scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == ".") {
                return false
            }
        }
        return false
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
