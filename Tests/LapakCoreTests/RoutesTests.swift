import Testing
@testable import LapakCore

@Suite struct RoutesTests {
    private let routes = Routes(config: SiteConfig(title: "x", baseURL: "https://a.org/"))

    @Test func routesAreIndonesianWithTrailingSlash() {
        #expect(routes.product("tas-anyaman-pandan") == "produk/tas-anyaman-pandan/")
        #expect(routes.products(page: 1) == "produk/")
        #expect(routes.products(page: 3) == "produk/halaman/3/")
        #expect(routes.category("jamu", page: 2) == "kategori/jamu/halaman/2/")
        #expect(routes.producer("kopi-gogodeso") == "komunitas/kopi-gogodeso/")
        #expect(routes.producer("kopi-gogodeso", page: 2) == "komunitas/kopi-gogodeso/halaman/2/")
        #expect(routes.article("strategi-usaha") == "berita/strategi-usaha/")
        #expect(routes.tag("batik") == "tag/batik/")
        #expect(routes.page("tentang") == "tentang/")
        #expect(routes.home == "")
        #expect(routes.googleCatalog == "katalog.xml")
        #expect(Routes.file(for: "produk/tas/") == "produk/tas/index.html")
        #expect(Routes.file(for: "") == "index.html")
        #expect(Routes.file(for: "404.html") == "404.html")
    }

    @Test func basePathAndAbsoluteURLs() {
        let config = SiteConfig(title: "x", baseURL: "https://contoh.github.io/lapak/")
        let routes = Routes(config: config)
        #expect(routes.path(routes.product("tas")) == "/lapak/produk/tas/")
        #expect(routes.absolute(routes.product("tas")) == "https://contoh.github.io/lapak/produk/tas/")
        #expect(Routes(config: SiteConfig(title: "x", baseURL: "https://a.org/")).path("") == "/")
    }

    @Test func otherLanguagesLiveUnderTheirCodeAndMapBackAndForth() {
        var config = SiteConfig(title: "x", baseURL: "https://contoh.github.io/lapak/")
        config.languages = ["id", "en"]
        let indonesian = Routes(config: config), english = Routes(config: config, language: "en")
        #expect(indonesian.prefix == "" && english.prefix == "en/")
        #expect(english.home == "en/")
        #expect(english.product("tas") == "en/produk/tas/")
        #expect(english.products(page: 2) == "en/produk/halaman/2/")
        #expect(english.notFound == "en/404.html")
        #expect(english.searchIndex == "en/cari/index.json")
        #expect(english.googleCatalog == "katalog.en.xml" && english.metaCatalog == "katalog.en.csv")
        #expect(english.path(english.product("tas")) == "/lapak/en/produk/tas/")
        #expect(english.route("en/produk/tas/", in: indonesian) == "produk/tas/")
        #expect(indonesian.route("produk/tas/", in: english) == "en/produk/tas/")
        // The edition of a config is at its language's prefix.
        #expect(Routes(config: config.edition("en")).prefix == "en/")
    }
}
