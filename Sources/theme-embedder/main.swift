import Foundation

// Writes a Swift file holding every file of a theme folder as base64 text, keyed by its
// relative path. Base64 keeps any byte safe inside a string literal and compiles fast.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: theme-embedder THEME_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
var files: [(String, Data)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in walker {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
        files.append((relative, try Data(contentsOf: url)))
    }
}
files.sort { $0.0 < $1.0 }
var source = "// Generated from themes/default by theme-embedder at build time. Do not edit.\n"
source += "enum EmbeddedTheme {\n    static let files: [String: String] = [\n"
for (path, data) in files {
    source += "        \"\(path)\": \"\(data.base64EncodedString())\",\n"
}
if files.isEmpty { source += "        :\n" }
source += "    ]\n}\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
