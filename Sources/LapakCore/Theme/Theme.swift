import Foundation
import Templates
import Yams

/// A theme: templates, static files and UI strings. A site's own `themes/NAME/` is layered over
/// the default theme built into the binary, so a theme may override only the files it changes.
public struct Theme: Sendable {
    public let templates: any TemplateLoader
    /// Static files (CSS, JS, icons) by path relative to the site root, with their bytes.
    public let staticFiles: [(path: String, source: StaticSource)]
    /// UI strings by language, each falling back to Indonesian for missing keys.
    public let stringsByLanguage: [String: OrderedMapping]

    /// UI strings of the site's first language.
    public var strings: OrderedMapping { strings(for: defaultLanguage) }
    private let defaultLanguage: String

    public func strings(for language: String) -> OrderedMapping { stringsByLanguage[language] ?? OrderedMapping() }

    public enum StaticSource: Sendable {
        case embedded([UInt8])
        case file(String)
    }

    /// Loads the theme named in `site.yml`; problems become diagnostics.
    public static func load(sourceDirectory: String, config: SiteConfig) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let embedded = EmbeddedThemeFiles.shared
        var folder: String?
        let candidate = sourceDirectory + "/themes/" + config.theme
        if FileSystem.isDirectory(candidate) {
            folder = candidate
        } else if config.theme != "default" {
            return (nil, [.error(.unknownTheme(name: config.theme), at: SourceLocation(file: "content/site.yml"))])
        }
        var diagnostics: [Diagnostic] = []
        if let folder {
            // Templates, strings and static files behind a link out of the site are never read.
            let siteRoot = FileSystem.realPath(sourceDirectory) ?? sourceDirectory
            let links = SymlinkGuard(folder: folder, shown: "themes/\(config.theme)", siteRoot: siteRoot)
            if !links.escaping.isEmpty { return (nil, links.diagnostics) }
        }
        var loaders: [any TemplateLoader] = []
        if let folder, FileSystem.isDirectory(folder + "/templates") {
            loaders.append(DirectoryLoader(root: folder + "/templates"))
        }
        loaders.append(InMemoryLoader(embedded.texts(under: "templates/")))

        var statics: [String: StaticSource] = [:]
        for (path, bytes) in embedded.files where path.hasPrefix("static/") {
            statics[String(path.dropFirst("static/".count))] = .embedded(bytes)
        }
        if let folder {
            for (relative, _) in FileSystem.walk(folder + "/static") {
                statics[relative] = .file(folder + "/static/" + relative)
            }
        }

        // Strings layer like templates: the site theme's file, then the default theme's, first in
        // the language and then in Indonesian; a theme may override only the keys it changes.
        var stringsByLanguage: [String: OrderedMapping] = [:]
        for site in config.languages {
            var strings = OrderedMapping()
            for language in [site, "id"] {
                let name = "i18n/\(language).yml"
                let own = folder.flatMap { try? String(contentsOfFile: $0 + "/" + name, encoding: .utf8) }
                for (text, file) in [(own, "themes/\(config.theme)/\(name)"), (embedded.text(name), name)] {
                    guard let text else { continue }
                    do {
                        for (key, value) in try Self.flatStrings(text) where strings[key] == nil {
                            strings[key] = value
                        }
                    } catch {
                        let problem = Diagnostic.error(.yamlSyntax(detail: "\(error)"), at: SourceLocation(file: file))
                        if !diagnostics.contains(problem) { diagnostics.append(problem) }
                    }
                }
            }
            stringsByLanguage[site] = strings
        }
        let theme = Theme(templates: LayeredLoader(loaders),
                          staticFiles: statics.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                          stringsByLanguage: stringsByLanguage, defaultLanguage: config.defaultLanguage)
        return (theme, diagnostics)
    }

    /// A YAML mapping of UI strings, in file order.
    static func flatStrings(_ yaml: String) throws -> [(String, Value)] {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: yaml) else { return [] }
        return mapping.compactMap { key, value in
            guard let key = key.string, let text = value.string else { return nil }
            return (key, .string(text))
        }
    }
}

/// The default theme as compiled into the binary by the EmbedTheme build plugin.
struct EmbeddedThemeFiles: Sendable {
    static let shared = EmbeddedThemeFiles()
    let files: [String: [UInt8]]

    init() {
        var files: [String: [UInt8]] = [:]
        for (path, base64) in EmbeddedTheme.files {
            files[path] = Data(base64Encoded: base64).map { [UInt8]($0) } ?? []
        }
        self.files = files
    }

    func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    func texts(under prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        for (path, bytes) in files where path.hasPrefix(prefix) {
            out[String(path.dropFirst(prefix.count))] = String(decoding: bytes, as: UTF8.self)
        }
        return out
    }
}
