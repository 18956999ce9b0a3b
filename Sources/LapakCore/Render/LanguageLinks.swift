import Templates

/// The same page in each of a site's languages: what the language switch and the `hreflang`
/// links of a page show, and the sitemap's alternates. Every language has every page (an item
/// without a translation is shown in the first language), so the page in another language is
/// the same route under that language's prefix.
final class LanguageLinks: Sendable {
    struct Edition: Sendable {
        let routes: Routes
        /// Routes of the pages this language shows untranslated.
        let untranslated: Set<String>
    }

    let editions: [Edition]

    init(_ editions: [Edition]) { self.editions = editions }

    /// What people call each language in itself, for the switch.
    static let autonyms = ["id": "Bahasa Indonesia", "en": "English"]

    struct Alternate {
        let language: String
        let route: String
        let routes: Routes
        /// False where that language shows the page untranslated.
        let translated: Bool
    }

    /// The page at `route` of the language `edition` in every language, the first language first.
    func alternates(of route: String, edition: Int) -> [Alternate] {
        let own = editions[edition].routes
        return editions.map { other in
            let alternate = own.route(route, in: other.routes)
            return Alternate(language: other.routes.language, route: alternate, routes: other.routes,
                             translated: !other.untranslated.contains(alternate))
        }
    }

    /// `page_languages`: each language's version of the page, as the theme's switch and `<head>` use it.
    func value(for route: String, edition: Int) -> Value {
        .array(alternates(of: route, edition: edition).enumerated().map { index, alternate in
            .dictionary(OrderedMapping([
                ("code", .string(alternate.language)),
                ("name", .string(Self.autonyms[alternate.language] ?? alternate.language)),
                ("url", .string(alternate.routes.path(alternate.route))),
                ("abs_url", .string(alternate.routes.absolute(alternate.route))),
                ("current", .bool(index == edition)),
                ("translated", .bool(alternate.translated)),
                // The first language is what a reader of any other gets: hreflang's `x-default`.
                ("default", .bool(index == 0)),
            ]))
        })
    }
}

extension LanguageLinks {
    /// Gives every page of a site in more than one language its links to the others; nil, and
    /// nothing changed, for a site in one.
    static func attach(to plan: inout [PlannedPage], config: SiteConfig) -> LanguageLinks? {
        guard config.isMultilingual else { return nil }
        var untranslated = Array(repeating: Set<String>(), count: config.languages.count)
        for page in plan where page.untranslated { untranslated[page.edition].insert(page.route) }
        let links = LanguageLinks(config.languages.indices.map { index in
            Edition(routes: Routes(config: config, language: config.languages[index]), untranslated: untranslated[index])
        })
        for index in plan.indices { plan[index].languageLinks = links }
        return links
    }
}
