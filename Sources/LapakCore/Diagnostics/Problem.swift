/// Every problem Lapak can report, with its message and hint in both languages.
/// One catalog, so wording stays consistent and every message is testable.
public enum Problem: Sendable, Hashable {
    case unreadableFile(reason: String)
    case invalidUTF8
    case missingFrontMatter
    case unclosedFrontMatter
    case frontMatterNotMapping
    case yamlSyntax(detail: String)
    /// A content file's front matter YAML cannot read, named in plain words.
    case yamlSlip(YAMLSlip)
    case duplicateKey(field: String)
    case yamlAliasesNotAllowed
    case yamlTagNotAllowed
    case frontMatterTooLarge(limitKB: Int)
    case missingField(field: String, example: String)
    case emptyField(field: String, example: String)
    case notText(field: String)
    case notList(field: String)
    case notWholeNumber(field: String, value: String, example: String)
    case priceWithSeparators(field: String, value: String, suggestion: String)
    case notBoolean(field: String, value: String)
    case badDate(field: String, value: String)
    case impossibleDate(field: String, value: String)
    case badAvailability(value: String)
    case unknownCertification(key: String)
    case badWhatsApp(field: String, value: String)
    case unknownProducer(id: String, suggestion: String?, known: [String])
    case unknownCategory(id: String, suggestion: String?, known: [String])
    case invalidSlug(slug: String, suggestion: String)
    case duplicateSlug(slug: String, otherFile: String)
    case pathCollision(path: String, otherFile: String)
    case nameTwin(otherFile: String)
    case missingImage(path: String)
    case imageOutsideContent(path: String)
    case unknownField(field: String, suggestion: String?)
    case misspelledField(written: String, field: String)
    case markdownTooLarge(limitKB: Int, sizeKB: Int)
    case markdownTooDeep(limit: Int)
    case markdownBracketRun(limit: Int)
    case template(message: String)
    case missingSiteConfig
    case badBaseURL(value: String)
    case unknownTheme(name: String)
    case symlinkOutside(path: String)
    case outputInsideContent
    case writeFailed(reason: String)
    case unsafeURL(field: String, value: String)
    // Found by `lapak check`, beyond what the build needs.
    case brokenLink(url: String, suggestion: String?)
    case duplicateProduct(title: String, producer: String, otherFile: String)
    case producerWithoutProducts(id: String)
    case futureNews(date: String)
    case emptyDescription
    case priceNotSet
    case typographicQuotes(field: String, value: String)
    case catalogIDTaken(id: String, otherFile: String)
    case controlCharacter(code: String)
    case unsupportedLanguage(value: String, supported: [String])
    // Refusals of `lapak new`.
    case fileExists(path: String)
    case optionRequired(option: String, example: String, known: [String])
    case titleNotUsable(title: String)
    case photoNotFound(path: String)
    case unsupportedPhoto(path: String)
    // `lapak serve`.
    case cannotListen(address: String, reason: String)
    /// Photos, with messages of their own (`PhotoProblem`).
    case photo(PhotoProblem)
    /// What Google's or Meta's catalog rules would refuse or warn about (`ChannelProblem`).
    case channel(ChannelProblem)
    /// The site's languages and its translation files (`TranslationProblem`).
    case translation(TranslationProblem)

    public var code: String {
        switch self {
        case .unreadableFile: "unreadable-file"
        case .invalidUTF8: "invalid-utf8"
        case .missingFrontMatter: "missing-front-matter"
        case .unclosedFrontMatter: "unclosed-front-matter"
        case .frontMatterNotMapping: "front-matter-not-mapping"
        case .yamlSyntax: "yaml-syntax"
        case .yamlSlip: "yaml-syntax"
        case .duplicateKey: "duplicate-key"
        case .yamlAliasesNotAllowed: "yaml-alias"
        case .yamlTagNotAllowed: "yaml-tag"
        case .frontMatterTooLarge: "front-matter-too-large"
        case .missingField: "missing-field"
        case .emptyField: "empty-field"
        case .notText: "not-text"
        case .notList: "not-list"
        case .notWholeNumber: "not-whole-number"
        case .priceWithSeparators: "price-with-separators"
        case .notBoolean: "not-boolean"
        case .badDate: "bad-date"
        case .impossibleDate: "impossible-date"
        case .badAvailability: "bad-availability"
        case .unknownCertification: "unknown-certification"
        case .badWhatsApp: "bad-whatsapp"
        case .unknownProducer: "unknown-producer"
        case .unknownCategory: "unknown-category"
        case .invalidSlug: "invalid-slug"
        case .duplicateSlug: "duplicate-slug"
        case .pathCollision: "path-collision"
        case .nameTwin: "name-twin"
        case .missingImage: "missing-image"
        case .imageOutsideContent: "image-outside-content"
        case .unknownField: "unknown-field"
        case .misspelledField: "misspelled-field"
        case .markdownTooLarge: "markdown-too-large"
        case .markdownTooDeep: "markdown-too-deep"
        case .markdownBracketRun: "markdown-bracket-run"
        case .template: "template"
        case .missingSiteConfig: "missing-site-config"
        case .badBaseURL: "bad-base-url"
        case .unknownTheme: "unknown-theme"
        case .symlinkOutside: "symlink-outside"
        case .outputInsideContent: "output-inside-content"
        case .writeFailed: "write-failed"
        case .unsafeURL: "unsafe-url"
        case .brokenLink: "broken-link"
        case .duplicateProduct: "duplicate-product"
        case .producerWithoutProducts: "producer-without-products"
        case .futureNews: "future-news"
        case .emptyDescription: "empty-description"
        case .priceNotSet: "price-not-set"
        case .typographicQuotes: "typographic-quotes"
        case .catalogIDTaken: "catalog-id-taken"
        case .controlCharacter: "control-character"
        case .unsupportedLanguage: "unsupported-language"
        case .fileExists: "file-exists"
        case .optionRequired: "option-required"
        case .titleNotUsable: "title-not-usable"
        case .photoNotFound: "photo-not-found"
        case .unsupportedPhoto: "unsupported-photo"
        case .cannotListen: "cannot-listen"
        case .photo(let problem): problem.code
        case .channel(let problem): problem.code
        case .translation(let problem): problem.code
        }
    }

    /// The problem's message and hint in `language`, from that language's message table.
    public func text(_ language: Language) -> (message: String, hint: String?) {
        MessageTable.for(language).text(wording)
    }

    /// The key of the problem's words in the message tables, and the values they mention.
    public var wording: Wording {
        switch self {
        case .unreadableFile(let reason): Wording("unreadable-file", ["reason": .text(reason)])
        case .invalidUTF8: Wording("invalid-utf8")
        case .missingFrontMatter: Wording("missing-front-matter")
        case .unclosedFrontMatter: Wording("unclosed-front-matter")
        case .frontMatterNotMapping: Wording("front-matter-not-mapping")
        case .yamlSyntax(let detail): Wording("yaml-syntax", ["detail": .text(detail)])
        case .duplicateKey(let field): Wording("duplicate-key", ["field": .text(field)])
        case .yamlAliasesNotAllowed: Wording("yaml-alias")
        case .yamlTagNotAllowed: Wording("yaml-tag")
        case .frontMatterTooLarge(let limit): Wording("front-matter-too-large", ["limit": .number(limit)])
        case .missingField(let field, let example): Wording("missing-field", ["field": .text(field), "example": .text(example)])
        case .emptyField(let field, let example): Wording("empty-field", ["field": .text(field), "example": .text(example)])
        case .notText(let field): Wording("not-text", ["field": .text(field)])
        case .notList(let field): Wording("not-list", ["field": .text(field)])
        case .notWholeNumber(let field, let value, let example): Wording("not-whole-number", ["field": .text(field), "value": .text(value), "example": .text(example)])
        case .priceWithSeparators(let field, let value, let suggestion): Wording("price-with-separators", ["field": .text(field), "value": .text(value), "suggestion": .text(suggestion)])
        case .notBoolean(let field, let value): Wording("not-boolean", ["field": .text(field), "value": .text(value)])
        case .badDate(let field, let value): Wording("bad-date", ["field": .text(field), "value": .text(value)])
        case .impossibleDate(let field, let value): Wording("impossible-date", ["field": .text(field), "value": .text(value)])
        case .badAvailability(let value): Wording("bad-availability", ["value": .text(value)])
        case .unknownCertification(let key): Wording("unknown-certification", ["key": .text(key)])
        case .badWhatsApp(let field, let value): Wording("bad-whatsapp", ["field": .text(field), "value": .text(value)])
        case .invalidSlug(let slug, let suggestion): Wording("invalid-slug", ["slug": .text(slug), "suggestion": .text(suggestion)])
        case .duplicateSlug(let slug, let other): Wording("duplicate-slug", ["slug": .text(slug), "other": .text(other)])
        case .pathCollision(let path, let other): Wording("path-collision", ["path": .text(path), "other": .text(other)])
        case .nameTwin(let other): Wording("name-twin", ["other": .text(other)])
        case .missingImage(let path): Wording("missing-image", ["path": .text(path)])
        case .imageOutsideContent(let path): Wording("image-outside-content", ["path": .text(path)])
        case .misspelledField(let written, let field): Wording("misspelled-field", ["written": .text(written), "field": .text(field)])
        case .markdownTooLarge(let limit, let size): Wording("markdown-too-large", ["limit": .number(limit), "size": .number(size)])
        case .markdownTooDeep(let limit): Wording("markdown-too-deep", ["limit": .number(limit)])
        case .markdownBracketRun(let limit): Wording("markdown-bracket-run", ["limit": .number(limit)])
        case .template(let message): Wording("template", ["message": .text(message)])
        case .missingSiteConfig: Wording("missing-site-config")
        case .badBaseURL(let value): Wording("bad-base-url", ["value": .text(value)])
        case .unknownTheme(let name): Wording("unknown-theme", ["name": .text(name)])
        case .symlinkOutside(let path): Wording("symlink-outside", ["path": .text(path)])
        case .outputInsideContent: Wording("output-inside-content")
        case .writeFailed(let reason): Wording("write-failed", ["reason": .text(reason)])
        case .unsafeURL(let field, let value): Wording("unsafe-url", ["field": .text(field), "value": .text(value)])
        case .duplicateProduct(let title, let producer, let other): Wording("duplicate-product", ["title": .text(title), "producer": .text(producer), "other": .text(other)])
        case .producerWithoutProducts(let pid): Wording("producer-without-products", ["pid": .text(pid)])
        case .futureNews(let date): Wording("future-news", ["date": .text(date)])
        case .controlCharacter(let code): Wording("control-character", ["code": .text(code)])
        case .catalogIDTaken(let catalogID, let other): Wording("catalog-id-taken", ["catalogID": .text(catalogID), "other": .text(other)])
        case .typographicQuotes(let field, let value): Wording("typographic-quotes", ["field": .text(field), "value": .text(value)])
        case .priceNotSet: Wording("price-not-set")
        case .emptyDescription: Wording("empty-description")
        case .fileExists(let path): Wording("file-exists", ["path": .text(path)])
        case .titleNotUsable(let title): Wording("title-not-usable", ["title": .text(title)])
        case .photoNotFound(let path): Wording("photo-not-found", ["path": .text(path)])
        case .unsupportedPhoto(let path): Wording("unsupported-photo", ["path": .text(path)])
        case .cannotListen(let address, let reason): Wording("cannot-listen", ["address": .text(address), "reason": .text(reason)])
        case .yamlSlip(let slip): slip.wording
        case .unknownProducer(let pid, let suggestion, let known):
            Wording("unknown-producer", ["id": .text(pid),
                                         "choices": .choices(suggestion: suggestion, known: known, place: "content/producers/")])
        case .unknownCategory(let cid, let suggestion, let known):
            Wording("unknown-category", ["id": .text(cid),
                                         "choices": .choices(suggestion: suggestion, known: known, place: "content/site.yml")])
        case .unknownField(let field, let suggestion?):
            Wording("unknown-field.suggested", ["field": .text(field), "suggestion": .text(suggestion)])
        case .unknownField(let field, nil): Wording("unknown-field", ["field": .text(field)])
        case .brokenLink(let url, let suggestion?):
            Wording("broken-link.suggested", ["url": .text(url), "suggestion": .text(suggestion)])
        case .brokenLink(let url, nil): Wording("broken-link", ["url": .text(url)])
        case .unsupportedLanguage(let value, let supported):
            Wording("unsupported-language", ["value": .text(value), "supported": .names(supported)])
        case .optionRequired(let option, let example, let known):
            Wording(known.isEmpty ? "option-required" : "option-required.listed",
                    ["option": .text(option), "example": .text(example),
                     "choices": .choices(suggestion: nil, known: known, place: "")])
        case .photo(let problem): problem.wording
        case .channel(let problem): problem.wording
        case .translation(let problem): problem.wording
        }
    }
}
