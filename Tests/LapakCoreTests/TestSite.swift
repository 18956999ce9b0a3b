import Foundation
import PhotoFixtures
@testable import LapakCore

/// A throwaway site folder for one test, removed when the value goes away.
final class TestSite {
    let root: String

    init(files: [String: String] = [:], minimal: Bool = true) throws {
        root = NSTemporaryDirectory() + "lapak-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        if minimal {
            try write("content/site.yml", """
            title: "Lapak Uji"
            base_url: "https://uji.example.org/"
            categories:
              tas-anyaman: "Tas Anyaman"
              jamu: "Jamu"
            """)
            try write("content/producers/desbumi-kedunggebang.md", """
            ---
            name: "Desbumi Kedunggebang"
            village: "Kedunggebang"
            regency: "Banyuwangi"
            whatsapp: "0812-0000-0101"
            ---
            Kelompok penganyam.
            """)
            try writeBytes("content/images/products/tas.jpg", TestSite.sampleJPEG)
        }
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ relative: String, _ text: String) throws {
        try writeBytes(relative, Array(text.utf8))
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func load(drafts: Bool = false) -> (LoadedContent?, [Diagnostic]) {
        ContentLoader(sourceDirectory: root, options: LoadOptions(includeDrafts: drafts)).load()
    }

    func build(output: String? = nil, strict: Bool = false) -> BuildReport {
        Builder(options: BuildOptions(sourceDirectory: root, outputDirectory: output, strict: strict)).build()
    }

    static func product(_ fields: String, body: String = "Tas dari pandan.") -> String {
        "---\n" + fields + "\n---\n" + body + "\n"
    }

    static let validProductFields = """
    title: "Tas Anyaman Pandan"
    price: 85000
    category: tas-anyaman
    producer: desbumi-kedunggebang
    images: [images/products/tas.jpg]
    """

    /// An 800×600 JPEG, made by libvips when the tests start: large enough for every channel.
    static let sampleJPEG: [UInt8] = try! SamplePhotos.encoded(width: 800, height: 600, as: .jpeg)
}

extension Array where Element == Diagnostic {
    func first(code: String) -> Diagnostic? { first { $0.code == code } }
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}
