@testable import LapakCore
import LibFuzzer
import Markdown

#if canImport(Glibc)
import Glibc
#endif

let parser = ContentParser(
    images: ImageIndex(entries: ["images/products/tas.jpg": .init(width: 4, height: 3)]),
    markdown: MarkdownRenderer(refuseURL: PublishedURLs.refuse), limits: ContentLimits(), basePath: "/")

/// A whole content file, as any of the four kinds (the first byte chooses): split, guarded,
/// composed from libyaml's events, read field by field, its body rendered. Only crashes and hangs are findings.
func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let kinds = ContentKind.allCases
    let kind = kinds[Int(data[0]) % kinds.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    _ = parser.parse(kind: kind, path: "content/\(kind.rawValue)/tas.md", fileName: "tas.md", text: text)
    return 0
}

@main
enum FuzzFrontMatter {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzFrontMatter(data, size) })
    }
}
