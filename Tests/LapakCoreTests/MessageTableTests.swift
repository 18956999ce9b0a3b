import LapakCore
import Testing

/// The diagnostics' words live in one table per language; these tests keep the tables whole.
@Suite struct MessageTableTests {
    static let tables = Language.allCases.map(MessageTable.for)

    @Test func everyLanguageHasTheSameEntriesWithTheSamePlaceholders() {
        let reference = MessageTable.for(.id)
        for table in Self.tables {
            #expect(Set(table.entries.keys) == Set(reference.entries.keys), "\(table.language)")
            for (key, entry) in reference.entries {
                guard let other = table.entries[key] else { continue }
                #expect(MessageTable.placeholders(in: other.message) == MessageTable.placeholders(in: entry.message),
                        "\(table.language) \(key)")
                #expect(MessageTable.placeholders(in: other.hint ?? "") == MessageTable.placeholders(in: entry.hint ?? ""),
                        "\(table.language) \(key)")
            }
        }
    }

    @Test(arguments: ProblemExamples.all)
    func everyProblemHasWordsInEveryLanguageWithEveryPlaceholderFilled(_ problem: Problem) {
        let wording = problem.wording
        for table in Self.tables {
            guard let entry = table.entries[wording.key] else {
                Issue.record("no `\(wording.key)` in the \(table.language) table")
                continue
            }
            let wanted = MessageTable.placeholders(in: entry.message).union(MessageTable.placeholders(in: entry.hint ?? ""))
            #expect(wanted.isSubset(of: Set(wording.values.keys)), "\(table.language) \(wording.key)")
            let text = problem.text(table.language)
            #expect(!text.message.isEmpty)
            #expect(!text.message.contains("{") && !(text.hint ?? "").contains("{"), "\(text)")
        }
    }

    @Test func theExamplesReachEveryEntry() {
        let reached = Set(ProblemExamples.all.map(\.wording.key))
        let unreached = Set(MessageTable.for(.id).entries.keys).subtracting(reached).filter { !$0.hasPrefix("choices.") }
        #expect(unreached.isEmpty, "entries no problem uses: \(unreached.sorted())")
    }

    @Test func sizesAndListsAreSpelledPerLanguage() {
        let big = Problem.photo(.fileTooLarge(path: "a.jpg", bytes: 45_000_000, limit: 41_943_040))
        #expect(big.text(.id).message == "foto `a.jpg` berukuran 42,9 MB, lebih dari batas 40 MB")
        #expect(big.text(.en).message == "the photo `a.jpg` is 42.9 MB, more than the limit of 40 MB")
        let many = Problem.unknownCategory(id: "bati", suggestion: "batik", known: (1...14).map { "k\($0)" })
        #expect(many.text(.id).hint == "Maksudnya `batik`? Yang tersedia: `k1`, `k2`, `k3`, `k4`, `k5`, `k6`, `k7`, `k8`, `k9`, `k10`, `k11`, `k12`, dan 2 lainnya.")
        #expect(Problem.unknownProducer(id: "x", suggestion: nil, known: []).text(.en).hint
                == "There are none yet in content/producers/.")
    }

    @Test func placeholderNamesAreReadBetweenBraces() {
        #expect(MessageTable.placeholders(in: "`{field}` is {value}, not {value}") == ["field", "value"])
        #expect(MessageTable.placeholders(in: "no placeholder") == [])
    }
}
