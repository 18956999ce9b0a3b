import Imaging

/// The copies of each photo the site publishes. Buyers' phones pick a WebP width from `srcset`;
/// feeds, link previews and browsers without WebP get one JPEG. `photos:` in `site.yml` may
/// change the widths and the quality, and add AVIF copies.
public struct PhotoSizes: Sendable, Hashable {
    /// From a small phone's card (320 px) to a laptop's full-width photo (1600 px).
    public var widths = [320, 640, 1024, 1600]
    /// Quality 75: where WebP photos stop looking better to the eye and only grow.
    public var webpQuality = 75
    /// libwebp's effort 2 instead of its default 4: measured on a 1600×2133 phone photo, the four
    /// WebP copies take 36% less time for 1–4% more bytes (`make bench-photos`, README).
    public var webpEffort = 2
    /// Large enough for Facebook's and WhatsApp's link previews and Google's product photos.
    public var jpegWidth = 1200
    public var jpegQuality = 80
    /// Meta's minimum and Google's from 2027-01-31: the JPEG's short side, where the source allows.
    public var feedMinimumShortSide = 500
    /// AVIF copies beside the WebP ones, for browsers that take them (off unless `site.yml` asks):
    /// measured on a sample photo, at the same PSNR as WebP at 75 they are 53–58% smaller, but
    /// take 5 to 12 times as long to make.
    public var avif = false
    /// AVIF quality 50 gave the PSNR of WebP quality 75 (36.6 against 35.8 dB at 640 px, 38.4
    /// against 38.2 at 1600).
    public var avifQuality = 50
    /// Photos inside a Markdown body are published at the largest WebP up to this width (the
    /// text column is at most about 700 CSS pixels).
    public static let bodyWidth = 1024

    public init() {}

    /// Raised whenever the way copies are made changes (each smaller copy resized from the next
    /// larger since 2), so no cache or browser keeps a copy made the old way under the same name.
    static let pipelineVersion = 2

    /// Every parameter that changes a published byte: part of each cache key and fingerprint.
    var parameters: String {
        "pipeline \(Self.pipelineVersion); webp \(widths.map(String.init).joined(separator: ",")) q\(webpQuality) e\(webpEffort); jpeg \(jpegWidth) q\(jpegQuality) short \(feedMinimumShortSide)"
            + (avif ? "; avif q\(avifQuality)" : "")
    }

    /// What the cache key of every photo shares: these parameters and the libvips version.
    var recipe: String { parameters + "\nlibvips " + PhotoEngine.version }

    /// The WebP widths for a photo `width` pixels wide upright: never wider than the photo, and
    /// the photo's own width as the last when it is narrower than the largest.
    func webpWidths(forSourceWidth width: Int) -> [Int] {
        var out = widths.filter { $0 < width }
        if let largest = widths.max(), width <= largest { out.append(width) }
        return out
    }

    /// About `jpegWidth`, wider when a wide photo's short side would fall under the feeds'
    /// minimum, never wider than the photo.
    func jpegWidth(forSourceWidth width: Int, height: Int) -> Int {
        var target = jpegWidth
        if width > height {
            let needed = (feedMinimumShortSide * width + height - 1) / height
            target = max(target, needed)
        }
        return min(target, width)
    }

    /// The height that keeps the upright photo's proportions at `width`.
    static func height(atWidth width: Int, sourceWidth: Int, sourceHeight: Int) -> Int {
        max(1, Int((Double(sourceHeight) * Double(width) / Double(sourceWidth)).rounded()))
    }
}
