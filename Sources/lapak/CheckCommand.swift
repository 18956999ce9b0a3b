import ArgumentParser
import Foundation
import LapakCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every content file without writing anything.",
        discussion: """
        Runs every validation of `lapak build`, and also looks for broken links and missing images \
        in the text, photos over 1 MB, duplicate products, producers without products and news \
        dated in the future. Exit status: 0 no errors (warnings allowed), 1 errors, 2 wrong usage.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and optionally themes/.", valueName: "DIR"))
    var source: String = "."

    @Option(name: .long, help: "Output format: text (for people) or json (for editors and CI).")
    var format: Format = .text

    @Option(name: .long, help: "Language of messages: id (Bahasa Indonesia) or en.")
    var lang: MessageLanguage = .id

    @Flag(name: .long, help: "Also check files marked `draft: true` as if they were published.")
    var drafts = false

    func run() throws {
        let source = try SiteFolder.require(self.source, language: lang.language)
        let report = Checker.run(CheckOptions(sourceDirectory: source, includeDrafts: drafts))
        let output: String
        switch format {
        case .text: output = CheckTextFormatter(language: lang.language, color: isatty(STDOUT_FILENO) == 1).format(report)
        case .json: output = CheckJSONFormatter(language: lang.language).format(report)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
