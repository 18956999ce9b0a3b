import Foundation
import Testing
@testable import LapakCore

/// The catalogs are written in parts as they are made; a catalog larger than one part must
/// still hold every item once, in order, and end as a whole document.
@Suite struct LargeCatalogTests {
    @Test func catalogsLargerThanOnePartKeepEveryItem() throws {
        let count = 80
        // About 4 KB of description each: the catalogs come to several parts.
        let body = String(repeating: "Tas anyaman pandan dibuat tangan oleh ibu-ibu purna migran. ", count: 70)
        var files: [String: String] = [:]
        for number in 1...count {
            files["content/products/tas-\(number).md"] = TestSite.product(
                TestSite.validProductFields + "\ndate: 2025-01-\(String(format: "%02d", number % 28 + 1))", body: body)
        }
        let site = try TestSite(files: files)
        let output = site.root + "/keluaran"
        let report = site.build(output: output)
        #expect(report.succeeded, "\(report.diagnostics)")

        let xml = try String(contentsOfFile: output + "/katalog.xml", encoding: .utf8)
        #expect(xml.utf8.count > Catalog.partSize, "the test must span more than one part")
        let ids = xml.components(separatedBy: "<g:id>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(ids.count == count)
        #expect(Set(ids).count == count, "every product once")
        #expect(xml.components(separatedBy: "<item>").count - 1 == count)
        #expect(xml.hasSuffix("</item>\n</channel>\n</rss>"))

        let csv = try String(contentsOfFile: output + "/katalog.csv", encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == count + 1)
        #expect(rows.dropFirst().map { String($0.prefix { $0 != "," }) } == ids.map(String.init),
                "the CSV lists the items in the XML's order")
    }
}

/// Catalog fields are cut to the platforms' limits, at a word where one ends past the middle.
@Suite struct CatalogCutTests {
    @Test func withinTheLimitIsKept() {
        #expect(Catalog.cut("tas anyaman", 11) == "tas anyaman")
        #expect(Catalog.cut("ééééé", 5) == "ééééé", "five characters in ten bytes fit a limit of five")
    }

    @Test func pastTheLimitIsCutAtAWord() {
        #expect(Catalog.cut("tas anyaman pandan", 14) == "tas anyaman…")
        #expect(Catalog.cut("abcdefghij", 5) == "abcd…", "one long word is cut inside it")
        #expect(Catalog.cut("ab cdefghij", 8) == "ab cdef…", "a space before the middle is not used")
    }

    @Test func neverLongerThanTheLimit() {
        let text = String(repeating: "Jamu kunyit asam é ", count: 400)
        let cut = Catalog.cut(text, 5000)
        #expect(cut.unicodeScalars.count <= 5000)
        #expect(cut.count <= 5000)
        #expect(cut.hasSuffix("asam…") || cut.hasSuffix("é…") || cut.hasSuffix("kunyit…") || cut.hasSuffix("Jamu…"))
    }

    /// The byte-wise cut and white-space collapse against plain definitions over scalars, on
    /// texts mixing ASCII, accents, spaces and line breaks at every length around the limit.
    @Test func bytesAgreeWithScalars() {
        func cutByScalars(_ text: String, _ limit: Int) -> String {
            let scalars = Array(text.unicodeScalars)
            guard scalars.count > limit else { return text }
            var kept = Array(scalars[..<(limit - 1)])
            if let space = kept.lastIndex(of: " "), space > limit / 2 { kept = Array(kept[..<space]) }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: kept)
            return String(out) + "…"
        }
        func plainByCharacters(_ text: String) -> String {
            var out = "", pending = ""
            for character in text.unicodeScalars {
                switch character {
                case " ", "\t", "\r": if pending.isEmpty && !out.isEmpty { pending = " " }
                case "\n": if !out.isEmpty { pending = "\n" }
                default:
                    out += pending
                    pending = ""
                    out.unicodeScalars.append(character)
                }
            }
            return out
        }
        // Seeded, so a failure names a text that fails again on the next run.
        var generator = SplitMix(seed: 20261206)
        let pieces = ["tas", "é", "anyaman", " ", "  ", "\n", "\t", "Kain×", "Rp", "85.000", "\r\n", "ü", "—", "x"]
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Catalog.plain(text) == plainByCharacters(text), "\(text.debugDescription)")
            for limit in [3, 5, 8, 13, 21] {
                #expect(Catalog.cut(text, limit) == cutByScalars(text, limit), "\(text.debugDescription) at \(limit)")
            }
        }
    }
}

/// A fixed sequence of pseudo-random numbers (SplitMix64), for tests that must repeat.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
