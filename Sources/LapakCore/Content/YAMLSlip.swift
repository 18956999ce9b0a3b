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

    /// The slip's words in the message tables; all slips share the code `yaml-syntax`.
    var wording: Wording {
        switch self {
        case .tab: Wording("yaml-syntax.tab")
        case .unclosedQuote: Wording("yaml-syntax.unclosed-quote")
        case .colonInValue(let field, let value):
            Wording("yaml-syntax.colon-in-value", ["field": .text(field), "value": .text(value)])
        case .listItemWithoutDash: Wording("yaml-syntax.list-item-without-dash")
        case .lineWithoutColon: Wording("yaml-syntax.line-without-colon")
        case .indentation: Wording("yaml-syntax.indentation")
        case .secondDocument: Wording("yaml-syntax.second-document")
        case .unreadable: Wording("yaml-syntax.unreadable")
        }
    }
}
