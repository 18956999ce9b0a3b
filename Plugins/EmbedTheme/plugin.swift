import Foundation
import PackagePlugin

/// Embeds `themes/default` into LapakCore at build time, so the `lapak` binary builds a site
/// from a folder that holds only `content/`. The repository's theme folder stays the one source.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "theme-embedder").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
