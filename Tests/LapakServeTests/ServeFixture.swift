import Foundation
import LapakCore
import LapakServe
import PhotoFixtures
import Testing

/// A small site folder and a preview server on a free loopback port, both removed at the end.
final class ServeFixture: @unchecked Sendable {
    let root: String
    let server: PreviewServer

    static let product = """
    ---
    title: "Tas Anyaman Pandan"
    price: 85000
    category: tas-anyaman
    producer: desbumi-kedunggebang
    images: [images/products/tas.jpg]
    ---
    Tas dari pandan.

    """

    /// `edit` turns on the editor; `host` 0.0.0.0 puts it in LAN mode, where `pin` is asked.
    /// `languages`: the site's `languages:` (`[id, en]`), or nil for a site in one.
    init(edit: Bool = false, host: String = "127.0.0.1", pin: String? = nil, language: Language = .id,
         languages: String? = nil) throws {
        root = NSTemporaryDirectory() + "lapak-serve-test-" + UUID().uuidString
        var options = ServeOptions(sourceDirectory: root, host: host, port: 0, language: language, settle: .milliseconds(5))
        options.edit = edit
        options.pin = pin
        server = PreviewServer(options: options)
        try write("content/site.yml", "title: \"Lapak Uji\"\nbase_url: \"https://uji.example.org/\"\ncategories:\n  tas-anyaman: \"Tas Anyaman\"\n"
                  + (languages.map { "languages: \($0)\n" } ?? ""))
        try write("content/producers/desbumi-kedunggebang.md",
                  "---\nname: \"Desbumi Kedunggebang\"\nvillage: Kedunggebang\nregency: Banyuwangi\nwhatsapp: \"0812-0000-0101\"\n---\nKelompok penganyam.\n")
        try write("content/products/tas.md", Self.product)
        try writeBytes("content/images/products/tas.jpg", try SamplePhotos.encoded(width: 4, height: 3, as: .jpeg))
        try write("content/images/brosur.pdf", "%PDF-1.4 brosur")
        try write("Package.swift", "SECRET-SOURCE // swift-tools-version")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs `body` against a started server and stops it afterwards, also when `body` throws.
    static func serving(edit: Bool = false, host: String = "127.0.0.1", pin: String? = nil, language: Language = .id,
                        languages: String? = nil, _ body: (ServeFixture) async throws -> Void) async throws {
        let fixture = try ServeFixture(edit: edit, host: host, pin: pin, language: language, languages: languages)
        let problem = await fixture.server.start()
        #expect(problem == nil, "\(problem.map { $0.formatted(.en) } ?? "")")
        #expect(fixture.port != 0)
        do {
            try await body(fixture)
        } catch {
            await fixture.server.stop()
            throw error
        }
        await fixture.server.stop()
    }

    var port: UInt16 { server.port }

    func write(_ relative: String, _ text: String) throws {
        try writeBytes(relative, Array(text.utf8))
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
