import Imaging

/// One published copy of a photo.
public struct Rendition: Sendable, Hashable {
    /// Relative to the output folder, e.g. `images/products/tas.3f9a2c1d0b.640.webp`.
    public let path: String
    public let width: Int
    public let height: Int
    public let encoding: PhotoEncoding
    public let quality: Int
}

/// Everything the site publishes of one source photo, known from its header and content digest
/// before a pixel is decoded, so pages can be planned while photos are still being made.
public struct PublishedPhoto: Sendable, Hashable {
    /// The source, relative to `content/`.
    public let source: String
    /// The upright size of the source.
    public let sourceWidth: Int
    public let sourceHeight: Int
    /// Names the cache entries: the source's content, the sizes and the libvips version.
    let cacheKey: String
    /// WebP copies, narrowest first.
    public let webp: [Rendition]
    /// AVIF copies of the same widths, when `site.yml` asks for them; else empty.
    public let avif: [Rendition]
    /// The JPEG for feeds, link previews and old browsers.
    public let jpeg: Rendition

    /// Every copy, in a fixed order.
    public var renditions: [Rendition] { webp + avif + [jpeg] }

    /// Every copy in the order they are made and stored: widest first, so each can be resized
    /// from the one before it, and the last stored says that all of them were.
    public var makingOrder: [Rendition] {
        renditions.sorted { ($0.width, $0.encoding.rawValue) > ($1.width, $1.encoding.rawValue) }
    }

    /// The widest WebP: its size is the one pages declare.
    public var largest: Rendition { webp.last ?? jpeg }

    /// What a photo in a Markdown body is published as.
    func bodyRendition(bodyWidth: Int) -> Rendition {
        webp.last { $0.width <= bodyWidth } ?? webp.first ?? jpeg
    }

    /// The folder and name stem copies are published under: each part made a slug (`Foto Produk/tas
    /// pandan é.jpg` → `foto-produk/tas-pandan-e`), so every URL to them is valid as it stands in
    /// feeds, catalogs and link previews, whatever a phone named the file.
    static func publishedName(of source: String) -> (folder: String, stem: String) {
        // Split as bytes: a `/` is one byte in UTF-8, and splitting by characters cost more than the rest.
        var parts = source.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        let name = parts.popLast() ?? source
        let stem = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
        func slug(_ part: String, _ fallback: String) -> String {
            // Most names are slugs already; folding with Foundation is the slow path.
            if Slug.isValid(part) { return part }
            let made = Slug.make(from: part)
            return made.isEmpty ? fallback : made
        }
        var folder = ""
        for part in parts { folder += slug(part, "foto") + "/" }
        return (folder, slug(stem, "foto"))
    }

    /// Plans the copies of `source` (a path under `content/`) from its header and digest.
    static func plan(source: String, header: PhotoHeader, digest: String, sizes: PhotoSizes) -> PublishedPhoto {
        plan(source: source, header: header, digest: digest, sizes: sizes, recipe: sizes.recipe)
    }

    /// The same, with `recipe` (`sizes.recipe`) made once for the many photos of a build.
    static func plan(source: String, header: PhotoHeader, digest: String, sizes: PhotoSizes, recipe: String) -> PublishedPhoto {
        let width = header.width
        let height = header.height
        let cacheKey = ContentDigest.sha256(digest + "\n" + recipe + "\n\(width)x\(height)")
        let fingerprint = cacheKey.prefix(10)
        let (folder, stem) = publishedName(of: source)
        func rendition(_ w: Int, _ encoding: PhotoEncoding, _ quality: Int) -> Rendition {
            Rendition(path: "\(folder)\(stem).\(fingerprint).\(w).\(encoding.fileExtension)", width: w,
                      height: PhotoSizes.height(atWidth: w, sourceWidth: width, sourceHeight: height),
                      encoding: encoding, quality: quality)
        }
        let webp = sizes.webpWidths(forSourceWidth: width).map { rendition($0, .webp, sizes.webpQuality) }
        let avif = sizes.avif ? sizes.webpWidths(forSourceWidth: width).map { rendition($0, .avif, sizes.avifQuality) } : []
        let jpeg = rendition(sizes.jpegWidth(forSourceWidth: width, height: height), .jpeg, sizes.jpegQuality)
        return PublishedPhoto(source: source, sourceWidth: width, sourceHeight: height, cacheKey: cacheKey, webp: webp,
                              avif: avif, jpeg: jpeg)
    }
}
