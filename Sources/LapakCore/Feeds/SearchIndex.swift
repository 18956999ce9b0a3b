import Foundation

/// `/cari/index.json`: what the search page's script matches as the buyer types, so search needs
/// no server. One entry per product and article with one-letter keys, since a phone downloads
/// the whole file: `k` kind (`product`, `news`), `t` title, `u` path, `p` price (or the date of an
/// article), `b` producer (or the place of an article), `s` the words to match.
///
/// `s` is lower-cased and accent-folded (NFD, combining marks removed) and holds each word once;
/// the script folds the query the same way, so `Kopi` finds `kopi` and `batík` finds `batik`.
enum SearchIndex {
    struct Entry: Encodable {
        let k: String
        let t: String
        let u: String
        let p: String
        let b: String
        let s: String
    }

    static func bytes(site: Site, routes: Routes) -> [UInt8] {
        var entries: [Entry] = []
        for product in site.products {
            let producer = site.producer(product.producerID)
            let prices = [product.price] + product.variants.map(\.price)
            let low = prices.min() ?? product.price, high = prices.max() ?? product.price
            let price = low == high ? Rupiah.format(low) : Rupiah.format(low) + " – " + Rupiah.format(high)
            let words = [product.title, producer?.name, producer?.community, producer?.village, producer?.regency,
                         site.categoryName(product.category)] + product.tags + product.variants.map(\.name) + [lead(product.summary)]
            entries.append(Entry(k: "product", t: product.title, u: routes.path(Routes.product(product.slug)),
                                 p: price, b: producer?.name ?? "", s: searchText(words)))
        }
        for article in site.news {
            let producers = article.producerIDs.compactMap { site.producer($0)?.name }
            let words = [article.title, article.location] + producers + article.tags + [lead(article.summary)]
            entries.append(Entry(k: "news", t: article.title, u: routes.path(Routes.article(article.slug)),
                                 p: DateText.long(article.date, language: site.config.language),
                                 b: article.location ?? "", s: searchText(words)))
        }
        let encoder = JSONEncoder()
        // Sorted keys keep the file byte-identical from build to build.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(entries)) ?? Data("[]".utf8))
    }

    /// The first words of a summary: enough to find a product by what it is made of or for,
    /// without a whole paragraph per product in a file every search downloads.
    static func lead(_ summary: String, words: Int = 12) -> String {
        summary.split(separator: " ").prefix(words).joined(separator: " ")
    }

    /// Every word once, in order of first use: `Batik Ecoprint, batik-ecoprint` → `batik ecoprint`.
    static func searchText(_ texts: [String?]) -> String {
        var seen = Set<String>()
        var words: [String] = []
        for text in texts.compactMap({ $0 }) {
            for word in fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where seen.insert(String(word)).inserted {
                words.append(String(word))
            }
        }
        return words.joined(separator: " ")
    }

    /// Lower case without accents, as the script's `normalize("NFD").replace(/\p{M}/gu, "")`.
    static func fold(_ text: String) -> String {
        let kept = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: return true
            }
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: kept)
        return String(scalars).lowercased()
    }
}
