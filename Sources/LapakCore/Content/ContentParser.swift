import Foundation
import Markdown

/// Turns one content file's text into a typed item, or into diagnostics that say what to fix.
struct ContentParser: Sendable {
    let images: ImageIndex
    let markdown: MarkdownRenderer
    let limits: ContentLimits
    /// The site's base path, which body links carry once rewritten.
    let basePath: String

    struct Result: Sendable {
        var item: ParsedItem?
        var diagnostics: [Diagnostic] = []
        /// The item of a file with errors: not published, but still there for references, so
        /// one mistake is reported once, at its cause, not again in every file that names it.
        var broken: ParsedItem?
        /// The file says `draft: true`, read even when its other fields have mistakes.
        var isDraft = false
    }

    /// A file's front matter composed and its body split off, or nil with the problems that stop it.
    struct OpenedFile {
        var fields: Fields
        let map: SourceMap
        let split: FrontMatterSplit
    }

    func parse(kind: ContentKind, path: String, fileName: String, text rawText: String) -> Result {
        if let name = TranslationName(fileName) {
            return parseTranslation(kind: kind, path: path, name: name, text: rawText)
        }
        var result = Result()
        guard let opened = open(path: path, text: rawText, into: &result.diagnostics) else { return result }
        var fields = opened.fields
        let map = opened.map, split = opened.split
        result.isDraft = fields.peekBoolean("draft") == true

        let baseName = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        // Only the product catalogs read a body's plain text.
        let body = (kind == .product ? markdown : markdown.withoutPlainText()).render(split.body)
        result.diagnostics += PublishedURLs.bodyWarnings(body, file: path, firstLine: split.bodyFirstLine)
        result.diagnostics += bodyPhotoProblems(body, file: path, firstLine: split.bodyFirstLine)
        if kind == .product && body.html.allSatisfy(\.isWhitespace) {
            result.diagnostics.append(.warning(.emptyDescription, at: SourceLocation(file: path, line: split.bodyFirstLine, column: 1)))
        }
        switch kind {
        case .producer: result.item = parseProducer(&fields, id: baseName, path: path, body: body, map: map)
        case .product: result.item = parseProduct(&fields, baseName: baseName, path: path, body: body, map: map)
        case .news: result.item = parseNews(&fields, baseName: baseName, path: path, body: body, map: map)
        case .page: result.item = parsePage(&fields, baseName: baseName, path: path, body: body, map: map)
        }
        for (name, location) in fields.unusedFields {
            let suggestion = KnownFields.suggestion(for: name, among: kind.knownFields)
            // `harga: 85000` where `price` is required: one error, at the line the member wrote,
            // instead of "add `price`" at the top and a warning about `harga` after it.
            if let suggestion, !fields.names.contains(suggestion) {
                let before = fields.diagnostics.count
                fields.diagnostics.removeAll { Self.reportsAbsence(of: suggestion, $0.problem) }
                if fields.diagnostics.count < before {
                    fields.diagnostics.append(.error(.misspelledField(written: name, field: suggestion), at: location))
                    continue
                }
            }
            fields.diagnostics.append(.warning(.unknownField(field: name, suggestion: suggestion), at: location))
        }
        result.diagnostics += fields.diagnostics
        if result.diagnostics.contains(where: { $0.severity == .error }) {
            result.broken = result.item
            result.item = nil
        }
        return result
    }

    /// Newlines made `\n`, control characters refused, the front matter split off, checked against
    /// the limits and composed: what every content file, original or translation, goes through.
    func open(path: String, text rawText: String, into diagnostics: inout [Diagnostic]) -> OpenedFile? {
        let text = normalizeNewlines(rawText)
        if let found = ControlCharacters.first(in: text) {
            diagnostics.append(.error(.controlCharacter(code: found.code),
                                      at: SourceLocation(file: path, line: found.line, column: found.column)))
            return nil
        }
        let split: FrontMatterSplit
        do {
            split = try FrontMatterSplit.split(text)
        } catch {
            let problem: Problem = error == .missingOpening ? .missingFrontMatter : .unclosedFrontMatter
            diagnostics.append(.error(problem, at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        if split.yaml.utf8.count > limits.maxFrontMatterBytes {
            diagnostics.append(.error(.frontMatterTooLarge(limitKB: limits.maxFrontMatterBytes / 1024),
                                      at: SourceLocation(file: path, line: split.yamlFirstLine, column: 1)))
            return nil
        }
        if let problem = limits.markdownProblem(split.body) {
            diagnostics.append(.error(problem, at: SourceLocation(file: path, line: split.bodyFirstLine, column: 1)))
            return nil
        }
        guard let (fields, map) = composeFields(split, raw: rawText, path: path, into: &diagnostics) else { return nil }
        return OpenedFile(fields: fields, map: map, split: split)
    }

    /// Whether `problem` says that `field` is missing.
    static func reportsAbsence(of field: String, _ problem: Problem) -> Bool {
        switch problem {
        case .missingField(let missing, _): missing == field
        case .priceNotSet: field == "price"
        default: false
        }
    }

    /// Photos in the body that cannot be published, at the line that shows each.
    func bodyPhotoProblems(_ body: MarkdownDocument, file: String, firstLine: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for reference in body.references where reference.kind == .image && reference.url.hasPrefix(basePath) {
            let key = String(reference.url.dropFirst(basePath.count))
            guard let failure = images.entries[key]?.failure else { continue }
            out.append(.error(.photo(PhotoProblem(failure, path: key)),
                              at: SourceLocation(file: file, line: reference.line + firstLine - 1, column: reference.column)))
        }
        return out
    }

    private func composeFields(_ split: FrontMatterSplit, raw: String, path: String,
                               into diagnostics: inout [Diagnostic]) -> (Fields, SourceMap)? {
        if let mark = YAMLGuard.firstRefusedIndicator(split.yaml) {
            diagnostics.append(.error(mark.indicator.problem,
                                      at: SourceLocation(file: path, line: mark.line + split.yamlFirstLine - 1,
                                                         column: mark.column)))
            return nil
        }
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(split.yaml)
        } catch {
            diagnostics.append(YAMLComposer.diagnostic(error, file: path, lineOffset: split.yamlFirstLine))
            return nil
        }
        guard let node, case .mapping(let mapping) = node else {
            if split.yaml.trimmed.isEmpty {
                let empty = YAMLNode.Mapping([])
                return (Fields(file: path, mapping: empty, lineOffset: split.yamlFirstLine),
                        SourceMap(file: path, mapping: empty, split: split, raw: raw))
            }
            diagnostics.append(.error(.frontMatterNotMapping, at: SourceLocation(file: path, line: split.yamlFirstLine, column: 1)))
            return nil
        }
        return (Fields(file: path, mapping: mapping, lineOffset: split.yamlFirstLine),
                SourceMap(file: path, mapping: mapping, split: split, raw: raw))
    }

    // MARK: Kinds

    private func slug(_ fields: inout Fields, fallback: String) -> String {
        if let explicit = fields.text("slug") {
            if !Slug.isValid(explicit) {
                fields.report(.invalidSlug(slug: explicit, suggestion: Slug.make(from: explicit)), field: "slug")
            }
            return explicit
        }
        if !Slug.isValid(fallback) {
            fields.diagnostics.append(.error(.invalidSlug(slug: fallback, suggestion: Slug.make(from: fallback)),
                                             at: SourceLocation(file: fields.file)))
        }
        return fallback
    }

    private func parseProducer(_ f: inout Fields, id: String, path: String, body: MarkdownDocument, map: SourceMap) -> ParsedItem? {
        if !Slug.isValid(id) {
            f.diagnostics.append(.error(.invalidSlug(slug: id, suggestion: Slug.make(from: id)), at: SourceLocation(file: path)))
        }
        let name = f.requiredText("name", example: "KOPI Pandanarum")
        let village = f.requiredText("village", example: "Pandanarum")
        let regency = f.requiredText("regency", example: "Blitar")
        var whatsapp: WhatsAppNumber?
        if let raw = f.text("whatsapp") {
            whatsapp = WhatsAppNumber(raw)
            if whatsapp == nil { f.report(.badWhatsApp(field: "whatsapp", value: raw), field: "whatsapp") }
        }
        _ = f.node("title")
        let producer = Producer(
            id: id, sourcePath: path, name: name ?? id, community: f.text("community"), village: village ?? "",
            district: f.text("district"), regency: regency ?? "", province: f.text("province"), whatsapp: whatsapp,
            instagram: f.text("instagram"), facebook: f.text("facebook"),
            image: f.node("image") == nil ? nil : image(&f, field: "image", alt: name ?? id).first,
            draft: f.boolean("draft") ?? false, body: body, sourceMap: map)
        return .producer(producer)
    }

    private func parseProduct(_ f: inout Fields, baseName: String, path: String, body: MarkdownDocument, map: SourceMap) -> ParsedItem? {
        let slug = slug(&f, fallback: baseName)
        let title = f.requiredText("title", example: "Tas Anyaman Pandan")
        let price = self.price(&f)
        let category = f.requiredText("category", example: "tas-anyaman")
        let producer = f.requiredText("producer", example: "desbumi-kedunggebang")
        let images = image(&f, field: "images", alt: title ?? slug)
        if f.node("images") == nil {
            f.report(.missingField(field: "images", example: "[images/products/\(slug).jpg]"), field: "images")
        } else if images.isEmpty, case .sequence(let items)? = f.node("images"), items.items.isEmpty {
            // `images: []`: the page is fine, but Google and Meta refuse a product without a photo.
            f.report(.photo(.productWithoutPhoto(example: "images/products/\(slug).jpg")), field: "images", severity: .warning)
        }
        let stock = f.wholeNumber("stock", example: "10")
        var availability: Availability = stock.map { $0 > 0 ? .inStock : .outOfStock } ?? .inStock
        if let raw = f.text("availability") {
            if let parsed = Availability(rawValue: raw.lowercased().replacingOccurrences(of: " ", with: "_")
                .replacingOccurrences(of: "-", with: "_")) {
                availability = parsed
            } else {
                f.report(.badAvailability(value: raw), field: "availability")
            }
        }
        let availableFrom = f.date("available_from")
        // Google refuses a pre-order without the day it ships (`availability_date`, required for
        // `preorder`): the date is required here, so no catalog is ever written without it.
        // Made to order is something else: in stock, with the days it takes as handling time.
        let madeToOrder = f.wholeNumber("made_to_order", example: "3")
        if madeToOrder != nil, availability == .preorder { availability = .inStock }
        // A draft may wait for its date, as for its price: it is in no catalog.
        if availability == .preorder, availableFrom == nil, f.node("available_from") == nil, !(f.peekBoolean("draft") ?? false) {
            f.report(.channel(.preorderWithoutDate), field: "availability")
        }
        let sale = self.sale(&f, price: price)
        let weight = f.wholeNumber("weight_grams", example: "400") ?? f.wholeNumber("weight", example: "400")
        let variants = self.variants(&f, title: title ?? slug)
        let certifications = self.certifications(&f)
        _ = f.node("categories")
        let summary = f.text("summary") ?? Summary.make(from: body.firstParagraph)
        let description = Catalog.description(plainText: body.plainText, summary: summary, title: title ?? slug)
        let product = Product(
            slug: slug, sourcePath: path, title: title ?? slug, price: price ?? 0, category: category ?? "",
            producerID: producer ?? "", images: images, availability: availability,
            availableFrom: availableFrom, shipping: f.shipping(allowing: ["price", "days"]),
            returnsDays: f.wholeNumber("returns_days", example: "7"), sale: sale, madeToOrderDays: madeToOrder, stock: stock, weightGrams: weight,
            tags: tags(&f), date: f.date("date"), featured: f.boolean("featured") ?? false,
            summary: summary, variants: variants, certifications: certifications, draft: f.boolean("draft") ?? false,
            body: body.droppingPlainText(),
            catalogDescription: description.text, sourceMap: map, catalogDescriptionCut: description.cut)
        return .product(product)
    }

    /// A product's price. Missing, left empty (as `lapak new` leaves it) or zero is an error at its
    /// line: "Rp 0" on a page, in a WhatsApp message or a catalog is refused by Google and Meta
    /// and misleads buyers. A draft may wait for its price.
    private func price(_ f: inout Fields) -> Int? {
        let draft = f.peekBoolean("draft") ?? false
        let node = f.node("price")
        if case .scalar(let scalar)? = node, ["", "~", "null"].contains(scalar.string.trimmed.lowercased()) {
            if !draft { f.report(.priceNotSet, field: "price") }
            return nil
        }
        let price = f.wholeNumber("price", example: "85000")
        if node == nil || price == 0, !draft { f.report(.priceNotSet, field: "price") }
        return price
    }

    /// `sale_price` below the price (Google's `sale_price` must be lower than `price`), and its
    /// days in order; a sale with neither is nil.
    private func sale(_ f: inout Fields, price: Int?) -> Sale? {
        let amount = f.wholeNumber("sale_price", example: "70000")
        let from = f.date("sale_from"), until = f.date("sale_until")
        guard let amount else {
            for field in ["sale_from", "sale_until"] where f.node(field) != nil {
                f.report(.channel(.saleWithoutPrice(field: field)), field: field)
            }
            return nil
        }
        if amount == 0 || (price.map { amount >= $0 } ?? false) {
            f.report(.channel(.saleNotLower(sale: amount, price: price ?? 0)), field: "sale_price")
            return nil
        }
        if let from, let until, until < from {
            f.report(.channel(.saleDatesReversed), field: "sale_until")
            return nil
        }
        return Sale(price: amount, from: from, until: until)
    }

    private func parseNews(_ f: inout Fields, baseName: String, path: String, body: MarkdownDocument, map: SourceMap) -> ParsedItem? {
        let slug = slug(&f, fallback: Self.stripDatePrefix(baseName))
        let title = f.requiredText("title", example: "Pelatihan Pembukuan di Banyuwangi")
        let date = f.date("date")
        if date == nil, f.node("date") == nil { f.report(.missingField(field: "date", example: "2025-12-13"), field: "date") }
        let alt = f.text("image_alt") ?? title ?? slug
        let article = NewsArticle(
            slug: slug, sourcePath: path, title: title ?? slug,
            date: date ?? ContentDate(year: 1970, month: 1, day: 1), location: f.text("location"),
            author: f.text("author"), producerIDs: f.textList("producers"), tags: tags(&f),
            image: f.node("image") == nil ? nil : image(&f, field: "image", alt: alt).first,
            summary: f.text("summary") ?? Summary.make(from: body.firstParagraph),
            draft: f.boolean("draft") ?? false, body: body, sourceMap: map)
        return .news(article)
    }

    private func parsePage(_ f: inout Fields, baseName: String, path: String, body: MarkdownDocument, map: SourceMap) -> ParsedItem? {
        let slug = slug(&f, fallback: baseName)
        let title = f.requiredText("title", example: "Tentang Kami")
        return .page(Page(slug: slug, sourcePath: path, title: title ?? slug,
                          description: f.text("description") ?? Summary.make(from: body.firstParagraph),
                          draft: f.boolean("draft") ?? false, body: body, sourceMap: map))
    }

    // MARK: Structured fields

    private func tags(_ f: inout Fields) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for tag in f.textList("tags") {
            let slug = Slug.isValid(tag) ? tag : Slug.make(from: tag)
            if slug.isEmpty {
                f.report(.invalidSlug(slug: tag, suggestion: "batik"), field: "tags")
            } else if seen.insert(slug).inserted {
                out.append(slug)
            }
        }
        return out
    }

    /// `images: [a.jpg, {src: b.jpg, alt: "…"}]` or `image: a.jpg`.
    private func image(_ f: inout Fields, field: String, alt defaultAlt: String) -> [ImageRef] {
        var out: [ImageRef] = []
        for node in f.sequence(field) {
            var src: String?
            var alt = defaultAlt
            switch node {
            case .scalar(let scalar):
                src = scalar.string.trimmed
            case .mapping(let mapping):
                for (key, value) in mapping {
                    switch key.string {
                    case "src": src = value.string?.trimmed
                    case "alt": if let text = value.string?.trimmed, !text.isEmpty { alt = text }
                    default: f.report(.unknownField(field: "\(field).\(key.string ?? "")", suggestion: nil), at: key.mark, severity: .warning)
                    }
                }
            default:
                f.report(.notText(field: field), at: node.mark)
            }
            guard let src, !src.isEmpty else {
                f.report(.emptyField(field: field, example: "images/products/foto.jpg"), at: node.mark)
                continue
            }
            if let found = resolve(&f, src: src, alt: alt, at: node.mark) { out.append(found) }
        }
        return out
    }

    /// A photo path as written, looked up under `content/`; a problem at `mark` when it is not usable.
    private func resolve(_ f: inout Fields, src: String, alt: String, at mark: YAMLMark?) -> ImageRef? {
        switch images.lookup(src) {
        case .found(let key, let entry):
            if let failure = entry.failure {
                f.report(.photo(PhotoProblem(failure, path: key)), at: mark)
                return nil
            }
            return ImageRef(path: key, alt: alt, width: entry.width, height: entry.height, photo: entry.photo,
                            origin: f.location(mark))
        case .missing(let key):
            f.report(.missingImage(path: key), at: mark)
        case .outside:
            f.report(.imageOutsideContent(path: src), at: mark)
        }
        return nil
    }

    private func variants(_ f: inout Fields, title: String) -> [Variant] {
        var out: [Variant] = []
        for node in f.sequence("variants") {
            guard case .mapping(let mapping) = node else {
                f.report(.frontMatterNotMapping, at: node.mark)
                continue
            }
            var name: String?
            var price: Int?
            var attributes: [Variant.Attribute: String] = [:]
            var stock: Int?
            var image: (src: String, mark: YAMLMark?)?
            for (key, value) in mapping {
                if let attribute = key.string.flatMap(Variant.Attribute.init(rawValue:)) {
                    if let text = value.string?.trimmed, !text.isEmpty { attributes[attribute] = text }
                    continue
                }
                switch key.string {
                case "name": name = value.string?.trimmed
                case "stock":
                    let raw = value.string?.trimmed ?? ""
                    if let count = Int(raw), count >= 0 {
                        stock = count
                    } else {
                        f.report(.notWholeNumber(field: "stock", value: raw, example: "10"), at: value.mark)
                    }
                case "image": image = (value.string?.trimmed ?? "", value.mark)
                case "price":
                    let raw = value.string?.trimmed ?? ""
                    if let value = Int(raw), value >= 0 {
                        price = value
                    } else if let grouped = Fields.thousandsGrouped(raw) {
                        f.report(.priceWithSeparators(field: "price", value: raw, suggestion: String(grouped)), at: value.mark)
                    } else {
                        f.report(.notWholeNumber(field: "price", value: raw, example: "85000"), at: value.mark)
                    }
                default:
                    let suggestion = KnownFields.suggestion(for: key.string ?? "", among: KnownFields.variant)
                    f.report(.unknownField(field: key.string ?? "", suggestion: suggestion), at: key.mark, severity: .warning)
                }
            }
            // A variant that only says what differs is named by it: `- size: 500 g`.
            let named = name.flatMap { $0.isEmpty ? nil : $0 } ?? Variant.Attribute.allCases.compactMap { attributes[$0] }.first
            if named == nil { f.report(.missingField(field: "name", example: "Ukuran L"), at: node.mark) }
            if price == nil && !mapping.contains(where: { $0.key.string == "price" }) {
                f.report(.missingField(field: "price", example: "85000"), at: node.mark)
            }
            let photo = image.flatMap { resolve(&f, src: $0.src, alt: "\(title) (\(named ?? ""))", at: $0.mark) }
            if let named, let price {
                out.append(Variant(name: named, price: price, attributes: attributes, stock: stock, image: photo,
                                   origin: f.location(node.mark)))
            }
        }
        return out
    }

    private func certifications(_ f: inout Fields) -> [Certification] {
        var out: [Certification] = []
        for (key, value, mark) in f.mapping("certifications") {
            guard let kind = Certification.Kind(rawValue: key.lowercased().replacingOccurrences(of: "-", with: "")) else {
                f.report(.unknownCertification(key: key), at: mark)
                continue
            }
            let number = value.string?.trimmed ?? ""
            if number.isEmpty || number == "null" {
                f.report(.emptyField(field: key, example: "\"P-IRT 1234567890123-45\""), at: mark)
                continue
            }
            out.append(Certification(kind: kind, number: number))
        }
        return out
    }

    /// `2025-12-13-strategi-usaha` → `strategi-usaha`, as Jekyll and Hugo do for dated posts.
    static func stripDatePrefix(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > 11, bytes[4] == 45, bytes[7] == 45, bytes[10] == 45,
              bytes[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return name }
        return String(name.dropFirst(11))
    }
}

/// A short plain-text summary cut at a word boundary, for cards, feeds and link previews.
enum Summary {
    /// The text with runs of spaces, tabs and newlines made one space, cut at a word before
    /// `limit` characters with an ellipsis.
    static func make(from text: String, limit: Int = 160) -> String {
        // Only the start is kept, so only the start is collapsed: at most a few words past the limit.
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(min(text.utf8.count, limit * 2))
        var pendingSpace = false
        var long = false
        // In ASCII a byte is a character (line ends become spaces, so no CR LF pair is left), and
        // most summaries are ASCII: they are measured and cut as bytes.
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                pendingSpace = !collapsed.isEmpty
                // Past the limit in bytes, count characters: a long text needs no more words.
                if collapsed.count > limit, ascii || String(decoding: collapsed, as: UTF8.self).count > limit {
                    long = true
                    break
                }
                continue
            }
            if pendingSpace {
                collapsed.append(0x20)
                pendingSpace = false
            }
            collapsed.append(byte)
        }
        if ascii { return cut(ascii: collapsed, limit: limit, long: long) }
        let text = String(decoding: collapsed, as: UTF8.self)
        guard long || text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, ",.;:-".contains(last) { cut.removeLast() }
        return cut + "…"
    }

    /// The same cut, of ASCII text, on its bytes.
    private static func cut(ascii bytes: [UInt8], limit: Int, long: Bool) -> String {
        guard long || bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
        var cut = bytes[..<min(limit, bytes.count)]
        if let space = cut.lastIndex(of: 0x20) { cut = cut[..<space] }
        while let last = cut.last, ",.;:-".utf8.contains(last) { cut = cut.dropLast() }
        return String(decoding: cut, as: UTF8.self) + "…"
    }
}
