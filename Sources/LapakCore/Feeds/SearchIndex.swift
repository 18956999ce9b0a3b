import Foundation
import Templates

/// `/cari/index.json`: what the search page's script matches as the buyer types, so search needs
/// no server. One entry per product and article with one-letter keys, since a phone downloads
/// the whole file: `k` kind (`product`, `news`), `t` title, `u` path, `p` price (or the date of an
/// article), `b` producer (or the place of an article), `s` the words to match.
///
/// `s` is lower-cased and accent-folded (NFD, combining marks removed) and holds each word once;
/// the script folds the query the same way, so `Kopi` finds `kopi` and `batík` finds `batik`.
enum SearchIndex {
    /// One entry, its fields in the file's (alphabetical) key order.
    struct Entry: Sendable {
        let k: String
        let t: String
        let u: String
        let p: String
        let b: String
        let s: String

        func write(into out: inout String) {
            out += "{\"b\":" + JSONText.quoted(b) + ",\"k\":" + JSONText.quoted(k) + ",\"p\":" + JSONText.quoted(p)
            out += ",\"s\":" + JSONText.quoted(s) + ",\"t\":" + JSONText.quoted(t) + ",\"u\":" + JSONText.quoted(u) + "}"
        }
    }

    static func bytes(site: Site, routes: Routes) -> [UInt8] {
        // Folding every word is most of the work: entries are made on all cores, in site order.
        let products = parallelMap(site.products) { product -> Entry in
            let producer = site.producer(product.producerID)
            let prices = [product.price] + product.variants.map(\.price)
            let low = prices.min() ?? product.price, high = prices.max() ?? product.price
            let price = low == high ? Rupiah.format(low, language: site.language)
                : Rupiah.format(low, language: site.language) + " – " + Rupiah.format(high, language: site.language)
            let words = [product.title, producer?.name, producer?.community, producer?.village, producer?.regency,
                         site.categoryName(product.category)] + product.tags + product.variants.map(\.name) + [lead(product.summary)]
            return Entry(k: "product", t: product.title, u: routes.path(routes.product(product.slug)),
                         p: price, b: producer?.name ?? "", s: searchText(words))
        }
        let news = parallelMap(site.news) { article -> Entry in
            let producers = article.producerIDs.compactMap { site.producer($0)?.name }
            let words = [article.title, article.location] + producers + article.tags + [lead(article.summary)]
            return Entry(k: "news", t: article.title, u: routes.path(routes.article(article.slug)),
                         p: DateText.long(article.date, language: site.config.language),
                         b: article.location ?? "", s: searchText(words))
        }
        var out = "["
        out.reserveCapacity((products.count + news.count) * 320)
        for (index, entry) in (products + news).enumerated() {
            if index > 0 { out += "," }
            entry.write(into: &out)
        }
        out += "]"
        return Array(out.utf8)
    }

    /// The first words of a summary: enough to find a product by what it is made of or for,
    /// without a whole paragraph per product in a file every search downloads.
    static func lead(_ summary: String, words: Int = 12) -> String {
        // Only the first words are split off: a summary can be long.
        var kept: [Substring] = []
        var rest = Substring(summary)
        while kept.count < words, !rest.isEmpty {
            guard let space = rest.utf8.firstIndex(of: UInt8(ascii: " ")) else {
                kept.append(rest)
                break
            }
            if space > rest.startIndex { kept.append(rest[..<space]) }
            rest = rest[rest.utf8.index(after: space)...]
        }
        return kept.joined(separator: " ")
    }

    /// Every word once, in order of first use: `Batik Ecoprint, batik-ecoprint` → `batik ecoprint`.
    /// Worked in bytes: a product has a few dozen words, compared directly rather than hashed.
    static func searchText(_ texts: [String?]) -> String {
        var out: [UInt8] = []
        var kept: [Range<Int>] = []
        for text in texts.compactMap({ $0 }) {
            for word in words(fold(text)) {
                let isNew = !kept.contains { range in
                    range.count == word.count && out[range].elementsEqual(word)
                }
                guard isNew else { continue }
                if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                kept.append(out.count..<(out.count + word.count))
                out.append(contentsOf: word)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs of letters and digits. ASCII text (most of it) is split by bytes; other text by
    /// Unicode's letter and number properties, as the script's `\p{L}\p{N}` does.
    private static func words(_ text: String) -> [ArraySlice<UInt8>] {
        guard text.isASCII else {
            return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Array($0.utf8)[...] }
        }
        func isWordByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        let bytes = Array(text.utf8)
        var out: [ArraySlice<UInt8>] = []
        var start: Int?
        for index in bytes.indices {
            if isWordByte(bytes[index]) {
                if start == nil { start = index }
            } else if let first = start {
                out.append(bytes[first..<index])
                start = nil
            }
        }
        if let first = start { out.append(bytes[first...]) }
        return out
    }

    /// Lower case without accents, as the script's `normalize("NFD").replace(/\p{M}/gu, "")`.
    static func fold(_ text: String) -> String {
        // Most words are plain ASCII, which NFD leaves alone: lower-case the bytes directly.
        if text.isASCII {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
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
