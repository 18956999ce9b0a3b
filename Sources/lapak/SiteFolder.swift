import ArgumentParser
import Foundation
import LapakCore

/// `--source DIR` made absolute, and refused with exit status 2 when it holds no `content/`.
enum SiteFolder {
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
            .standardizedFileURL.path
    }

    static func require(_ path: String, language: Language) throws -> String {
        let source = absolute(path)
        guard FileSystemCheck.isDirectory(source + "/content") else {
            let message = language == .en
                ? "lapak: no content/ folder in \(source). Use --source DIR to name the site folder."
                : "lapak: folder content/ tidak ada di \(source). Gunakan --source DIR untuk menunjuk folder situs."
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(2)
        }
        return source
    }
}
