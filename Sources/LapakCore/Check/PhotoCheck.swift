/// What `lapak check` says of the photos in `content/`, beyond what stops a build: a photo that
/// records where it was taken (the site never publishes it, but the folder and its git history
/// keep it), and product photos too small for buyers' screens and the shopping channels.
enum PhotoCheck {
    static func run(site: Site, sizes: PhotoSizes) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for key in site.images.entries.keys.sorted() {
            guard let header = site.images.entries[key]?.header, header.hasLocation else { continue }
            out.append(.warning(.photo(.carriesLocation(path: key)), at: SourceLocation(file: "content/" + key)))
        }
        var reported = Set<String>()
        for product in site.products {
            for image in product.images {
                guard let photo = image.photo, min(photo.sourceWidth, photo.sourceHeight) < sizes.feedMinimumShortSide,
                      reported.insert(image.path + "\n" + image.origin.file).inserted else { continue }
                out.append(.warning(.photo(.tooSmall(path: image.path, width: photo.sourceWidth, height: photo.sourceHeight,
                                                     minimum: sizes.feedMinimumShortSide)), at: image.origin))
            }
        }
        return out
    }
}
