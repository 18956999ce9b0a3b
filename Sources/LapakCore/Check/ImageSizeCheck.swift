import Foundation

/// Photos so large that a product page is slow to open on a phone with little data.
enum ImageSizeCheck {
    static func run(site: Site, sourceDirectory: String, limit: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for key in site.images.entries.keys.sorted() {
            let file = "content/" + key
            var info = stat()
            guard stat(sourceDirectory + "/" + file, &info) == 0, Int(info.st_size) > limit else { continue }
            out.append(.warning(.imageTooLarge(path: key, bytes: Int(info.st_size)), at: SourceLocation(file: file)))
        }
        return out
    }
}
