import ArgumentParser
import Foundation
import LapakCore

struct Photos: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make the photos in content/images safe to keep and to commit.",
        discussion: """
        With --strip, every photo that records where it was taken (GPS) or carries other \
        metadata, is not stored upright, or is over 2400 pixels on its long side is rewritten in \
        place: turned upright, without metadata, at most 2400 pixels. Other photos are left as \
        they are. The site never publishes metadata either way; this keeps it out of the folder \
        and out of git's history. Exit status: 0 done, 1 a photo could not be read, 2 wrong usage.
        """
    )

    @Flag(name: .long, help: "Rewrite photos without metadata, upright, at most 2400 px.")
    var strip = false

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/.", valueName: "DIR"))
    var source: String = "."

    @Option(name: .long, help: "Language of messages: id (Bahasa Indonesia) or en.")
    var lang: MessageLanguage = .id

    func validate() throws {
        guard strip else { throw ValidationError("Say what to do: --strip.") }
    }

    func run() throws {
        let language = lang.language
        let source = try SiteFolder.require(self.source, language: language)
        let outcome = PhotoStripper.run(sourceDirectory: source)
        for diagnostic in DiagnosticList(outcome.diagnostics).sorted {
            FileHandle.standardError.write(Data((diagnostic.formatted(language) + "\n").utf8))
        }
        for path in outcome.rewritten { print(language == .en ? "rewritten: \(path)" : "ditulis ulang: \(path)") }
        print(language == .en
              ? "\(outcome.rewritten.count) photo(s) rewritten without metadata, \(outcome.unchanged) already safe."
              : "\(outcome.rewritten.count) foto ditulis ulang tanpa metadata, \(outcome.unchanged) sudah aman.")
        if outcome.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
