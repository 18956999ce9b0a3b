import Foundation
import LapakCore
import Testing

/// The editor's file access: inside `content/` only, atomic, never over a changed file.
@Suite struct ContentFilesTests {
    let root = NSTemporaryDirectory() + "lapak-content-files-" + UUID().uuidString

    func site() throws -> ContentFiles {
        try FileManager.default.createDirectory(atPath: root + "/content/products", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
        try "---\ntitle: Tas\n---\n".write(toFile: root + "/content/products/tas.md", atomically: true, encoding: .utf8)
        return ContentFiles(root: root)
    }

    @Test func pathsOutsideContentAreRefused() throws {
        let files = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/content/products/link.md", withDestinationPath: root + "/outside/x.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/news", withDestinationPath: root + "/outside")
        #expect(throws: ContentFiles.Failure.outside) { try files.create("content/products/link.md", with: [1]) }
        #expect(throws: ContentFiles.Failure.outside) { try files.create("content/news/evil.md", with: [1]) }
        for bad in ["content/../outside/x.md", "outside/x.md", "content/products/../../x.md", "content/.git/config", "content/a\\b.md"] {
            #expect(throws: ContentFiles.Failure.badName) { try files.create(bad, with: [1]) }
        }
        #expect(throws: ContentFiles.Failure.badName) { try ContentFiles.path(kind: .product, name: "../x") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/outside").isEmpty)
    }

    @Test func aReplaceNeedsTheDigestTheFormWasOpenedWith() throws {
        let files = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try files.read("content/products/tas.md")
        let digest = ContentFiles.digest(before)
        try "---\ntitle: Tas Baru\n---\n".write(toFile: root + "/content/products/tas.md", atomically: true, encoding: .utf8)
        #expect(throws: ContentFiles.Failure.changedOnDisk) { try files.replace("content/products/tas.md", with: [1], expecting: digest) }
        let now = try files.read("content/products/tas.md")
        try files.replace("content/products/tas.md", with: Array("x".utf8), expecting: ContentFiles.digest(now))
        #expect(try files.read("content/products/tas.md") == Array("x".utf8))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/content/products") == ["tas.md"])
    }

    @Test func aNewFileNeverReplacesOne() throws {
        let files = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: ContentFiles.Failure.exists) { try files.create("content/products/tas.md", with: [1]) }
    }

    @Test func deletingMovesTheFileAndItsPhotosToTheTrash() throws {
        let files = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/images/products", withIntermediateDirectories: true)
        try Data([1, 2]).write(to: URL(fileURLWithPath: root + "/content/images/products/tas.jpg"))
        try files.moveToTrash("content/products/tas.md", photos: ["images/products/tas.jpg"], now: Date(timeIntervalSince1970: 100))
        #expect(!FileManager.default.fileExists(atPath: root + "/content/products/tas.md"))
        #expect(FileManager.default.fileExists(atPath: root + "/content/.trash/100/products/tas.md"))
        #expect(FileManager.default.fileExists(atPath: root + "/content/.trash/100/images/products/tas.jpg"))
    }
}
