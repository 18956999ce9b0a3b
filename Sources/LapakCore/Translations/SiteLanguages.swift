/// `language:`, `languages:` and `translations:` of `content/site.yml`.
enum SiteLanguages {
    /// The site's languages: `languages: [id, en]`, or the one `language:` names (Indonesian when
    /// neither is written).
    static func read(_ f: inout Fields, into config: inout SiteConfig) {
        let single = f.text("language")
        var listed: [String] = []
        if f.node("languages") != nil {
            for code in f.textList("languages").map({ $0.lowercased() }) {
                if !SiteConfig.supportedLanguages.contains(code) {
                    f.report(.unsupportedLanguage(value: code, supported: SiteConfig.supportedLanguages), field: "languages")
                } else if listed.contains(code) {
                    f.report(.translation(.repeatedLanguage(language: code)), field: "languages")
                } else {
                    listed.append(code)
                }
            }
        }
        if let single, !SiteConfig.supportedLanguages.contains(single) {
            f.report(.unsupportedLanguage(value: single, supported: SiteConfig.supportedLanguages), field: "language")
        } else if let single, let first = listed.first, single != first {
            f.report(.translation(.languageDisagrees(language: single, first: first)), field: "language")
        }
        config.language = listed.first ?? single ?? "id"
        config.languages = listed.isEmpty ? [config.language] : listed
    }

    /// `translations: {en: {title: …, description: …, categories: {jamu: …}}}`; read after
    /// `categories:`, whose ids it names.
    static func readTranslations(_ f: inout Fields, into config: inout SiteConfig) {
        let others = Array(config.languages.dropFirst())
        let categoryIDs = config.categories.map(\.id)
        for (language, value, mark) in f.mapping("translations") {
            guard others.contains(language) else {
                f.report(.translation(.textsForUnknownLanguage(language: language, others: others)), at: mark)
                continue
            }
            guard case .mapping(let fields) = value else {
                f.report(.frontMatterNotMapping, at: value.mark)
                continue
            }
            var texts = SiteConfig.Texts()
            for (key, text) in fields {
                let name = key.string ?? ""
                switch name {
                case "title": texts.title = text.string?.trimmed
                case "description": texts.description = text.string?.trimmed
                case "categories":
                    guard case .mapping(let names) = text else {
                        f.report(.frontMatterNotMapping, at: text.mark)
                        continue
                    }
                    for (id, translated) in names {
                        let id = id.string ?? ""
                        if categoryIDs.contains(id) {
                            if let words = translated.string?.trimmed, !words.isEmpty { texts.categories[id] = words }
                        } else {
                            f.report(.translation(.unknownTranslatedCategory(id: id, known: categoryIDs)), at: translated.mark,
                                     severity: categoryIDs.isEmpty ? .warning : .error)
                        }
                    }
                default:
                    let suggestion = KnownFields.closest(to: name, among: ["title", "description", "categories"])
                    f.report(.unknownField(field: "translations.\(language).\(name)", suggestion: suggestion.map { "translations.\(language).\($0)" }),
                             at: key.mark, severity: .warning)
                }
            }
            config.translations[language] = texts
        }
    }
}
