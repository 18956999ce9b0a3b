/// What can be wrong with a site's languages or with a translation file; `Problem` wraps it as
/// `.translation`, and its words are in the message tables.
public enum TranslationProblem: Sendable, Hashable {
    /// `languages:` names a language twice.
    case repeatedLanguage(language: String)
    /// `language: en` beside `languages: [id, en]`: the site's first language is said twice, differently.
    case languageDisagrees(language: String, first: String)
    /// `translations:` has texts for a language that is not one of the site's other languages.
    case textsForUnknownLanguage(language: String, others: [String])
    /// A category under `translations:` that `categories:` does not have.
    case unknownTranslatedCategory(id: String, known: [String])
    /// `tas.fr.md` on a site whose languages are `[id, en]`.
    case fileForUnknownLanguage(language: String, others: [String])
    /// `tas.id.md` on a site whose first language is `id`: the original is the Indonesian text.
    case fileForFirstLanguage(language: String, original: String)
    /// `tas.en.md` without `tas.md` beside it.
    case withoutOriginal(original: String)
    /// A field that comes from the original, written in the translation with another value.
    case contradictsOriginal(field: String, written: String, original: String)
    /// A field that comes from the original, written in the translation though the original has none.
    case notInOriginal(field: String)
    /// `variants`, `images` or `certifications` with another number of entries than the original's.
    case countDiffers(field: String, written: Int, original: Int)

    var code: String {
        switch self {
        case .repeatedLanguage: "language-repeated"
        case .languageDisagrees: "language-disagrees"
        case .textsForUnknownLanguage: "translation-texts-unknown-language"
        case .unknownTranslatedCategory: "translation-unknown-category"
        case .fileForUnknownLanguage: "translation-unknown-language"
        case .fileForFirstLanguage: "translation-first-language"
        case .withoutOriginal: "translation-without-original"
        case .contradictsOriginal: "translation-contradicts-original"
        case .notInOriginal: "translation-not-in-original"
        case .countDiffers: "translation-count-differs"
        }
    }

    var wording: Wording {
        switch self {
        case .repeatedLanguage(let language): Wording(code, ["language": .text(language)])
        case .languageDisagrees(let language, let first): Wording(code, ["language": .text(language), "first": .text(first)])
        case .textsForUnknownLanguage(let language, let others), .fileForUnknownLanguage(let language, let others):
            Wording(others.isEmpty ? code + ".single" : code,
                    ["language": .text(language), "others": .names(others)])
        case .unknownTranslatedCategory(let id, let known):
            Wording(code, ["id": .text(id), "choices": .choices(suggestion: KnownFields.closest(to: id, among: known, maxDistance: 3),
                                                                  known: known, place: "content/site.yml")])
        case .fileForFirstLanguage(let language, let original): Wording(code, ["language": .text(language), "original": .text(original)])
        case .withoutOriginal(let original): Wording(code, ["original": .text(original)])
        case .contradictsOriginal(let field, let written, let original):
            Wording(code, ["field": .text(field), "written": .text(written), "original": .text(original)])
        case .notInOriginal(let field): Wording(code, ["field": .text(field)])
        case .countDiffers(let field, let written, let original):
            Wording(code, ["field": .text(field), "written": .number(written), "original": .number(original)])
        }
    }
}
