import ArgumentParser
import Foundation
import LapakCore

@main
struct Lapak: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lapak",
        abstract: "Builds a marketplace and news site from Markdown files.",
        discussion: """
        A site folder holds `content/` (site.yml, producers/, products/, news/, pages/, images/) \
        and, optionally, `themes/`. `lapak build` writes the site to `site/`.
        """,
        version: "0.1.0",
        subcommands: [Build.self, New.self, Check.self, Serve.self, Photos.self],
        defaultSubcommand: nil
    )

    /// Usage errors exit with 2, as the command-line contract says (ArgumentParser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum MessageLanguage: String, ExpressibleByArgument, CaseIterable {
    case id, en
    var language: Language { self == .en ? .en : .id }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder (default: SOURCE/site).",
        discussion: """
        Nothing is written when a content or template file has an error: the previous site stays \
        as it was. Exit status: 0 built, 1 content or template errors, 2 wrong usage.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and optionally themes/.", valueName: "DIR"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: SOURCE/site).", valueName: "DIR"))
    var output: String?

    @Flag(name: .long, help: "Include files marked `draft: true`.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Override base_url from site.yml.", valueName: "URL"))
    var baseURL: String?

    @Option(name: .long, help: "Language of messages: id (Bahasa Indonesia) or en.")
    var lang: MessageLanguage = .id

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .customLong("cache-dir"),
            help: ArgumentHelp("Where processed photos are kept between builds (default: SOURCE/.lapak/cache).", valueName: "DIR"))
    var cacheDir: String?

    func run() throws {
        let source = absolute(self.source)
        guard FileSystemCheck.isDirectory(source + "/content") else {
            let message = lang == .en
                ? "lapak: no content/ folder in \(source). Use --source DIR to name the site folder."
                : "lapak: folder content/ tidak ada di \(source). Gunakan --source DIR untuk menunjuk folder situs."
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(2)
        }
        var options = BuildOptions(sourceDirectory: source, outputDirectory: output.map(absolute),
                                   includeDrafts: drafts, baseURL: baseURL, strict: strict)
        // The process ends after this build: the exit reclaims its memory at once.
        options.releasesMemory = false
        options.cacheDirectory = cacheDir.map(absolute)
        options.photoProgress = PhotoProgress.reporter(lang)
        let report = Builder(options: options).build()
        let language = lang.language
        let diagnostics = DiagnosticList(report.diagnostics).sorted
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted(language) + "\n").utf8))
        }
        guard report.succeeded else {
            let errors = diagnostics.filter { $0.severity == .error }.count
            let summary = language == .en
                ? "lapak: \(errors) error(s); nothing was written, the previous site is unchanged."
                : "lapak: \(errors) galat; tidak ada yang ditulis, situs sebelumnya tetap utuh."
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            throw ExitCode(1)
        }
        let milliseconds = Int((report.seconds * 1000).rounded())
        let photos = PhotoProgress.summary(photos: report.photos, processed: report.photosProcessed, lang)
        let line = language == .en
            ? "Built \(report.pages) pages (\(report.products) products, \(report.news) news, \(photos)) into \(options.resolvedOutput) in \(milliseconds) ms."
            : "Selesai: \(report.pages) halaman (\(report.products) produk, \(report.news) berita, \(photos)) di \(options.resolvedOutput) dalam \(milliseconds) ms."
        print(line)
    }

    private func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
            .standardizedFileURL.path
    }
}

enum FileSystemCheck {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
