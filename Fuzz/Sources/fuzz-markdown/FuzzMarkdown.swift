import LibFuzzer
import Markdown

#if canImport(Glibc)
import Glibc
#endif

let renderer = MarkdownRenderer(
    rewriteURL: { $0.hasPrefix("images/") ? "/lapak/" + $0 : nil },
    refuseURL: { url in url.lowercased().contains("script:") || url.lowercased().hasPrefix("data:") ? "#invalid-url" : nil })

/// Markdown in, through cmark and the tree walk. Safe mode means raw HTML never survives.
func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = renderer.render(text)
    if document.html.contains("<script") || document.html.contains(" onerror=") {
        print("raw HTML survived:\n\(text)\n---\n\(document.html)")
        abort()
    }
    return 0
}

@main
enum FuzzMarkdown {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzMarkdown(data, size) })
    }
}
