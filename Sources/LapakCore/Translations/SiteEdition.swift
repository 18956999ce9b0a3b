extension Site {
    /// The language an item's words are in: the edition's, or the first language's where it has
    /// no translation. Templates mark the difference (`lang="id"`) for screen readers.
    public func wordsLanguage(of sourcePath: String) -> String {
        untranslated.contains(sourcePath) ? config.defaultLanguage : config.language
    }

    /// The file an item's words in this edition come from: its translation, or the original.
    public func wordsFile(of sourcePath: String) -> String {
        translationFiles[config.language]?[sourcePath] ?? sourcePath
    }

    /// The site once per language, the first language first: what each language's pages,
    /// feeds and catalogs are made from.
    public var editions: [Site] {
        config.languages.map(edition)
    }

    /// The site as its pages in `language` show it: every item there, in its translation where
    /// it has one and else as written (listed in `untranslated`); site.yml's texts and category
    /// names translated. Order and lists stay the first language's, so the same item has the
    /// same place, and the same pages, in every language.
    public func edition(_ language: String) -> Site {
        guard language != config.defaultLanguage else { return self }
        let translated = translations[language] ?? [:]
        var untranslated = Set<String>()
        func pick<Item>(_ item: Item, path: String, _ extract: (ParsedItem) -> Item?) -> Item {
            if let found = translated[path].flatMap(extract) { return found }
            untranslated.insert(path)
            return item
        }
        let config = config.edition(language)
        var edition = Site(
            config: config,
            producers: producers.map { pick($0, path: $0.sourcePath) { if case .producer(let p) = $0 { p } else { nil } } },
            products: products.map { pick($0, path: $0.sourcePath) { if case .product(let p) = $0 { p } else { nil } } },
            news: news.map { pick($0, path: $0.sourcePath) { if case .news(let n) = $0 { n } else { nil } } },
            pages: pages.map { pick($0, path: $0.sourcePath) { if case .page(let p) = $0 { p } else { nil } } },
            images: images,
            categories: categories.map { entry in
                (config.categories.first { $0.id == entry.category.id } ?? entry.category, entry.count)
            },
            tags: tags, producerIndex: producerIndex, productsByProducer: productsByProducer,
            productsByCategory: productsByCategory, productsByTag: productsByTag, newsByProducer: newsByProducer,
            newsByTag: newsByTag, producersOfBrokenProducts: producersOfBrokenProducts, translations: translations,
            translationFiles: translationFiles)
        edition.untranslated = untranslated
        return edition
    }
}
