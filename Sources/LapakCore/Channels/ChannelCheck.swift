import Foundation

/// `lapak check`'s reading of each product as Google Merchant Center and Meta's catalog would:
/// the rules of their product data specifications that the loader cannot see on one field alone.
/// (A pre-order without its date is refused while loading; photos too small or missing are
/// reported by the photo checks and counted here.)
enum ChannelCheck {
    static func run(site: Site, now: Date, sources: SourceFiles) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let nowSeconds = Int(now.timeIntervalSince1970.rounded(.down))
        for product in site.products {
            // Google and Meta show the sale price until the catalog changes: an ended sale is a wrong price.
            if let sale = product.sale, let end = sale.end, end.epochSeconds < nowSeconds, let until = sale.until {
                let at = sources.file(product.sourcePath)?.location(ofField: "sale_until") ?? SourceLocation(file: product.sourcePath)
                out.append(.warning(.channel(.saleEnded(until: until.isoDate)), at: at))
            }
            let file = sources.file(product.sourcePath)
            let titleLine = file?.location(ofField: "title") ?? SourceLocation(file: product.sourcePath)
            let scalars = product.title.unicodeScalars.count
            if scalars > Catalog.Limit.title {
                out.append(.warning(.channel(.titleTooLong(count: scalars, limit: Catalog.Limit.title)), at: titleLine))
            }
            if Self.isShouting(product.title) {
                out.append(.warning(.channel(.titleInCapitals), at: titleLine))
            }
            if product.catalogDescriptionCut {
                let body = SourceLocation(file: product.sourcePath, line: file?.bodyFirstLine ?? 0)
                out.append(.warning(.channel(.descriptionTooLong(limit: Catalog.Limit.description)), at: body))
            }
            for image in product.images where image.photo == nil {
                out.append(.warning(.channel(.photoFormatRefused(path: image.path)), at: image.origin))
            }
            out += variantProblems(product)
        }
        return out
    }

    private static func variantProblems(_ product: Product) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [[Variant.Attribute: String]: String] = [:]
        for variant in product.variants {
            if variant.price == 0 {
                out.append(.warning(.channel(.zeroVariantPrice(variant: variant.name)), at: variant.origin))
            }
            if variant.attributes.isEmpty {
                out.append(.warning(.channel(.variantWithoutAttribute(variant: variant.name)), at: variant.origin))
            } else if let first = seen[variant.attributes] {
                out.append(.warning(.channel(.variantsAlike(first: first, second: variant.name)), at: variant.origin))
            } else {
                seen[variant.attributes] = variant.name
            }
        }
        return out
    }

    /// "TAS ANYAMAN PANDAN": letters, at least four, none of them lower case.
    static func isShouting(_ title: String) -> Bool {
        let letters = title.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 4 && letters.allSatisfy { !$0.properties.isLowercase }
    }

    /// How many products each channel would take: those with no error in their file and nothing
    /// that channel disapproves of.
    static func readiness(site: Site, diagnostics: [Diagnostic]) -> [ChannelReadiness] {
        var refused: [Channel: Set<String>] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            if diagnostic.severity == .error {
                for channel in Channel.allCases { refused[channel, default: []].insert(file) }
            } else if diagnostic.problem.disapprovesForChannels {
                for channel in diagnostic.problem.channels { refused[channel, default: []].insert(file) }
            }
        }
        // A product file with an error is left out of the site: it counts, as not ready anywhere.
        let loaded = Set(site.products.map(\.sourcePath))
        let dropped = Set(diagnostics.filter {
            $0.severity == .error && $0.location.file.hasPrefix("content/\(ContentKind.product.rawValue)/")
                && !loaded.contains($0.location.file)
        }.map(\.location.file))
        return Channel.allCases.map { channel in
            let ready = site.products.filter { !(refused[channel]?.contains($0.sourcePath) ?? false) }.count
            return ChannelReadiness(channel: channel, ready: ready, total: site.products.count + dropped.count)
        }
    }
}

/// How many of the site's products a channel would accept.
public struct ChannelReadiness: Sendable, Hashable {
    public let channel: Channel
    public let ready: Int
    public let total: Int
}
