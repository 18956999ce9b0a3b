import Markdown

/// Reads one translation against its original: the words it gives, and a problem at its line
/// for every other field it writes differently from the original.
struct TranslationReader {
    let draft: TranslationDraft
    private(set) var diagnostics: [Diagnostic] = []

    init(draft: TranslationDraft) { self.draft = draft }

    private typealias Value = SourceMap.Value

    // MARK: Items

    mutating func product(_ original: Product) -> Product {
        checkFields(against: original.sourceMap)
        var product = original
        product.title = requiredText("title", example: "Pandan Woven Bag") ?? original.title
        let (body, summary) = bodyAndSummary("summary")
        product.summary = summary ?? original.summary
        if let body {
            product.body = body.droppingPlainText()
            let description = Catalog.description(plainText: body.plainText, summary: product.summary, title: product.title)
            product.catalogDescription = description.text
            product.catalogDescriptionCut = description.cut
        }
        translateImages(of: &product.images, field: "images", original: original.sourceMap)
        translateVariants(of: &product, original: original.sourceMap)
        translateCertifications(of: &product, original: original.sourceMap)
        return product
    }

    mutating func producer(_ original: Producer) -> Producer {
        checkFields(against: original.sourceMap)
        var producer = original
        producer.name = text("name") ?? original.name
        if let body = translatedBody { producer.body = body }
        return producer
    }

    mutating func article(_ original: NewsArticle) -> NewsArticle {
        checkFields(against: original.sourceMap)
        var article = original
        article.title = requiredText("title", example: "Bookkeeping Training in Banyuwangi") ?? original.title
        let (body, summary) = bodyAndSummary("summary")
        article.body = body ?? original.body
        article.summary = summary ?? original.summary
        article.location = text("location") ?? original.location
        article.author = text("author") ?? original.author
        if let alt = text("image_alt") { article.image?.alt = alt }
        return article
    }

    mutating func page(_ original: Page) -> Page {
        checkFields(against: original.sourceMap)
        var page = original
        page.title = requiredText("title", example: "About Us") ?? original.title
        let (body, description) = bodyAndSummary("description")
        page.body = body ?? original.body
        page.description = description ?? original.description
        return page
    }

    /// The translation's body; nil when it has none, and the original's text stays.
    private var translatedBody: MarkdownDocument? {
        draft.body.html.allSatisfy(\.isWhitespace) ? nil : draft.body
    }

    /// The translated body, and the summary `field` gives, else the body's first paragraph; nil
    /// for what the translation does not give.
    private mutating func bodyAndSummary(_ field: String) -> (body: MarkdownDocument?, summary: String?) {
        let written = text(field)
        guard let body = translatedBody else { return (nil, written) }
        return (body, written ?? Summary.make(from: body.firstParagraph))
    }

    // MARK: Fields that come from the original

    /// Every field that is not words must say what the original says; unknown fields are warned
    /// about as in any content file.
    private mutating func checkFields(against original: SourceMap) {
        let words = TranslationMerger.words(of: draft.kind)
        for field in draft.map.fields where !words.contains(field.name) {
            guard draft.kind.knownFields.contains(field.name) else {
                let suggestion = KnownFields.suggestion(for: field.name, among: draft.kind.knownFields)
                diagnostics.append(.warning(.unknownField(field: field.name, suggestion: suggestion), at: location(field.key)))
                continue
            }
            compare(field.value, with: original.field(field.name)?.value, name: field.name, at: field.key)
        }
    }

    private mutating func compare(_ written: Value, with original: Value?, name: String, at span: SourceMap.Span) {
        guard let original else {
            diagnostics.append(.error(.translation(.notInOriginal(field: name)), at: location(span)))
            return
        }
        if !Self.same(written, original) {
            diagnostics.append(.error(.translation(.contradictsOriginal(field: name, written: Self.shown(written),
                                                                       original: Self.shown(original))), at: location(span)))
        }
    }

    /// The same value however it is quoted or spaced: `price: 125000` and `price: "125000"`.
    static func same(_ a: SourceMap.Value, _ b: SourceMap.Value) -> Bool {
        switch (a.shape, b.shape) {
        case (.scalar(let x, _), .scalar(let y, _)): x.trimmed == y.trimmed
        case (.list, .list): a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { same($0, $1) }
        case (.mapping, .mapping):
            a.fields.count == b.fields.count
                && a.fields.allSatisfy { field in b.field(field.name).map { same(field.value, $0.value) } ?? false }
        default: false
        }
    }

    /// A value as a message shows it: `125000`, `[batik, tas]`, `{price: 20000}`.
    static func shown(_ value: SourceMap.Value) -> String {
        switch value.shape {
        case .scalar(let text, _): text.trimmed
        case .list: "[" + value.items.map(shown).joined(separator: ", ") + "]"
        case .mapping: "{" + value.fields.map { "\($0.name): \(shown($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    // MARK: Words

    private mutating func text(_ name: String) -> String? {
        guard let field = draft.map.field(name) else { return nil }
        return words(field.value, name: name, at: field.key)
    }

    private mutating func words(_ value: Value, name: String, at span: SourceMap.Span) -> String? {
        guard let text = value.text else {
            diagnostics.append(.error(.notText(field: name), at: location(span)))
            return nil
        }
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    private mutating func requiredText(_ name: String, example: String) -> String? {
        if let text = text(name) { return text }
        if draft.map.field(name) == nil {
            diagnostics.append(.error(.missingField(field: name, example: example),
                                      at: SourceLocation(file: draft.path, line: 1, column: 1)))
        }
        return nil
    }

    /// `images:` in the original's order: each entry's `alt`, and its file, if written, the same.
    private mutating func translateImages(of images: inout [ImageRef], field name: String, original: SourceMap) {
        guard let field = draft.map.field(name), let pairs = entries(field, original: original.field(name)) else { return }
        for (index, (written, source)) in pairs.enumerated() {
            let alt: String?
            if written.text != nil {
                compare(written, with: source.text != nil ? source : source.field("src")?.value, name: "\(name).src", at: written.span)
                alt = nil
            } else {
                for key in written.fields where key.name != "alt" {
                    let sourceFile = source.text != nil && key.name == "src" ? source : source.field(key.name)?.value
                    compare(key.value, with: sourceFile, name: "\(name).\(key.name)", at: key.key)
                }
                alt = written.field("alt").flatMap { words($0.value, name: "\(name).alt", at: $0.key) }
            }
            if let alt, index < images.count { images[index].alt = alt }
        }
    }

    /// `variants:` in the original's order: names and the words of size, colour, material and
    /// pattern; price, stock and photo as the original has them.
    private mutating func translateVariants(of product: inout Product, original: SourceMap) {
        guard let field = draft.map.field("variants"), let pairs = entries(field, original: original.field("variants")) else { return }
        for (index, (written, source)) in pairs.enumerated() where index < product.variants.count {
            var name: String?
            for key in written.fields {
                if key.name == "name" {
                    name = words(key.value, name: "variants.name", at: key.key)
                } else if let attribute = Variant.Attribute(rawValue: key.name) {
                    if let text = words(key.value, name: "variants.\(key.name)", at: key.key) {
                        product.variants[index].attributes[attribute] = text
                    }
                } else if KnownFields.variant.contains(key.name) {
                    compare(key.value, with: source.field(key.name)?.value, name: "variants.\(key.name)", at: key.key)
                } else {
                    let suggestion = KnownFields.suggestion(for: key.name, among: KnownFields.variant)
                    diagnostics.append(.warning(.unknownField(field: key.name, suggestion: suggestion), at: location(key.key)))
                }
            }
            let attributes = product.variants[index].attributes
            product.variants[index].originalName = product.variants[index].name
            product.variants[index].name = name ?? (source.field("name") == nil
                ? Variant.Attribute.allCases.compactMap { attributes[$0] }.first : nil) ?? product.variants[index].name
        }
    }

    /// `certifications:`: the same kinds as the original's, their numbers and notes in words.
    private mutating func translateCertifications(of product: inout Product, original: SourceMap) {
        guard let field = draft.map.field("certifications") else { return }
        for entry in field.value.fields {
            let kind = Certification.Kind(rawValue: entry.name.lowercased().replacingOccurrences(of: "-", with: ""))
            guard let index = product.certifications.firstIndex(where: { $0.kind == kind }) else {
                diagnostics.append(.error(.translation(.notInOriginal(field: "certifications.\(entry.name)")), at: location(entry.key)))
                continue
            }
            if let text = words(entry.value, name: "certifications.\(entry.name)", at: entry.key) {
                product.certifications[index].number = text
            }
        }
    }

    /// A list field's entries paired with the original's, or nil (with a problem) when their
    /// numbers differ. A single value counts as a list of one, as in any content file.
    private mutating func entries(_ field: SourceMap.Field, original: SourceMap.Field?) -> [(Value, Value)]? {
        guard let original else {
            diagnostics.append(.error(.translation(.notInOriginal(field: field.name)), at: location(field.key)))
            return nil
        }
        func items(_ value: Value) -> [Value] { value.text != nil ? [value] : value.items }
        let written = items(field.value), originals = items(original.value)
        guard written.count == originals.count else {
            diagnostics.append(.error(.translation(.countDiffers(field: field.name, written: written.count,
                                                                 original: originals.count)), at: location(field.key)))
            return nil
        }
        return Array(zip(written, originals))
    }

    private func location(_ span: SourceMap.Span) -> SourceLocation {
        SourceLocation(file: draft.path, line: span.line, column: span.column)
    }
}
