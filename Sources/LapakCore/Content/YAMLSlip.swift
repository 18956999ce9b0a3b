import Foundation

/// What went wrong in a front matter that YAML cannot read, named in a contributor's words:
/// libyaml's own text ("while scanning for the next token, found character that cannot start
/// any token") never reaches a member.
public enum YAMLSlip: Sendable, Hashable {
    /// A Tab where YAML wants spaces.
    case tab
    /// A quote opened and never closed.
    case unclosedQuote
    /// `title: Tas: Motif Kawung`: a second colon in an unquoted value.
    case colonInValue(field: String, value: String)
    /// A list item whose `- ` is missing.
    case listItemWithoutDash
    /// A line that is neither `key: value` nor a list item.
    case lineWithoutColon
    /// A line indented more or less than its neighbours.
    case indentation
    /// A second `---` block inside the front matter.
    case secondDocument
    /// Anything else YAML refuses.
    case unreadable

    /// Names the slip from libyaml's problem and context and the text itself, and says where to
    /// point: libyaml's mark is sometimes the line after the slip.
    static func classify(problem: String, context: String?, mark: YAMLMark, contextMark: YAMLMark?,
                         text: String) -> (slip: YAMLSlip, mark: YAMLMark) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ number: Int) -> String { number >= 1 && number <= lines.count ? lines[number - 1] : "" }
        let here = line(mark.line)
        if problem.contains("tab") || here.prefix { $0 == " " || $0 == "\t" }.contains("\t") {
            let column = (here.firstIndex(of: "\t").map { here.distance(from: here.startIndex, to: $0) } ?? mark.column - 1) + 1
            return (.tab, YAMLMark(line: mark.line, column: column))
        }
        if context?.contains("quoted scalar") == true { return (.unclosedQuote, contextMark ?? mark) }
        if problem.contains("mapping values are not allowed") {
            let before = String(here.prefix(max(0, mark.column - 1)))
            if let colon = before.range(of: ": ") {
                let field = before[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = here[colon.upperBound...].trimmingCharacters(in: .whitespaces)
                return (.colonInValue(field: field, value: value), YAMLMark(line: mark.line, column: mark.column))
            }
            return (.indentation, YAMLMark(line: mark.line, column: 1))
        }
        if problem.contains("could not find expected ':'") {
            // libyaml notices on the next line; the slip is the last line written before it.
            var slipLine = mark.line - 1
            while slipLine > 1 && line(slipLine).trimmingCharacters(in: .whitespaces).isEmpty { slipLine -= 1 }
            let listAbove = (max(1, slipLine - 3)..<slipLine).contains { line($0).trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
            return (listAbove ? .listItemWithoutDash : .lineWithoutColon, YAMLMark(line: slipLine, column: 1))
        }
        if problem.contains("single document") { return (.secondDocument, mark) }
        if problem.contains("did not find expected") || context?.contains("block") == true {
            return (.indentation, YAMLMark(line: mark.line, column: 1))
        }
        return (.unreadable, mark)
    }

    func text(_ language: Language) -> (message: String, hint: String?) {
        let id = language == .id
        switch self {
        case .tab:
            return id ? ("ada tombol Tab di awal baris ini", "Ganti Tab dengan dua spasi: data di bagian atas berkas hanya boleh diberi jarak dengan spasi.")
                      : ("there is a Tab at the start of this line", "Replace the Tab with two spaces: the data at the top of the file may only be indented with spaces.")
        case .unclosedQuote:
            return id ? ("tanda kutip dibuka di sini tetapi tidak ditutup", "Tambahkan tanda kutip penutup yang sama (\" atau ') di akhir teksnya, di baris yang sama.")
                      : ("a quote opens here but is never closed", "Add the same closing quote (\" or ') at the end of the text, on the same line.")
        case .colonInValue(let field, let value):
            return id ? ("isi `\(field)` memuat tanda titik dua (`:`)", "Beri tanda kutip pada isinya: `\(field): \"\(value)\"`.")
                      : ("the value of `\(field)` contains a colon (`:`)", "Put the value in quotes: `\(field): \"\(value)\"`.")
        case .listItemWithoutDash:
            return id ? ("baris ini ada di dalam daftar tetapi tidak diawali tanda `-`", "Awali dengan `- ` seperti baris di atasnya, misalnya `  - banyuwangi`.")
                      : ("this line is inside a list but does not start with `-`", "Start it with `- ` like the lines above, for example `  - banyuwangi`.")
        case .lineWithoutColon:
            return id ? ("baris ini tidak berbentuk `nama: isi`", "Tulis nama kolom, titik dua dan isinya, misalnya `price: 85000`, atau hapus baris ini.")
                      : ("this line is not `name: value`", "Write the field name, a colon and the value, for example `price: 85000`, or delete the line.")
        case .indentation:
            return id ? ("jarak awal baris ini tidak sejajar dengan baris di sekitarnya", "Kolom utama ditulis tanpa spasi di depannya; isi daftar diberi jarak dua spasi, sama untuk setiap baris.")
                      : ("this line is indented differently from the lines around it", "Top-level fields start at the beginning of the line; list entries are indented by two spaces, the same on every line.")
        case .secondDocument:
            return id ? ("ada `---` lagi di dalam bagian data", "Bagian data dibuka dan ditutup dengan satu `---`; hapus `---` yang berlebih.")
                      : ("there is another `---` inside the data at the top", "The data opens and closes with one `---` each; delete the extra one.")
        case .unreadable:
            return id ? ("baris ini tidak dapat dibaca", "Periksa tanda titik dua, tanda kutip dan spasi di awal baris; bandingkan dengan contoh di README.")
                      : ("this line cannot be read", "Check the colons, the quotes and the spaces at the start of the line; compare with the example in the README.")
        }
    }
}
