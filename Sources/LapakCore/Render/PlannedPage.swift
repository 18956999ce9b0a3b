import Templates

/// One page to render: where it goes, with which template and how to make its data from the
/// plan it is rendered with.
///
/// The data is made when the page is rendered, from the plan handed in: ten thousand product
/// pages hold an index each instead of their contexts, and `lapak serve` can render the same
/// pages from a plan whose site has an edited product (`PreviewPatch`), without planning again.
struct PlannedPage: Sendable {
    let route: String
    let template: String
    /// For the sitemap; nil means "as new as the site".
    var lastModified: ContentDate?
    /// Left out of the sitemap: pages for printing, short addresses that only forward, the cart,
    /// search and not-found pages.
    var unlisted = false
    /// An item shown in the site's first language for want of a translation: its canonical
    /// address is the original's, and the sitemap leaves it out.
    var untranslated = false
    /// Which of the site's languages the page is in (an index into `config.languages`).
    var edition = 0
    /// On a site in more than one language: the same page in each, for the language switch and
    /// the `hreflang` links.
    var languageLinks: LanguageLinks?
    private let makeContext: @Sendable (PagePlan) -> [String: Value]

    /// The template's data, made from `plan` (the plan of the page's language).
    func context(in plan: PagePlan) -> [String: Value] {
        var context = makeContext(plan)
        if let languageLinks { context["page_languages"] = languageLinks.value(for: route, edition: edition) }
        return context
    }

    /// A page whose data depends on nothing a product edit changes (the cart, search, 404).
    init(route: String, template: String, context: [String: Value], lastModified: ContentDate? = nil) {
        self.init(route: route, template: template, lastModified: lastModified) { _ in context }
    }

    init(route: String, template: String, lastModified: ContentDate? = nil, unlisted: Bool = false,
         context makeContext: @escaping @Sendable (PagePlan) -> [String: Value]) {
        self.route = route
        self.template = template
        self.lastModified = lastModified
        self.unlisted = unlisted
        self.makeContext = makeContext
    }
}
