import Testing
@testable import LapakCore

@Suite struct RoutesTests {
    @Test func routesAreIndonesianWithTrailingSlash() {
        #expect(Routes.product("tas-anyaman-pandan") == "produk/tas-anyaman-pandan/")
        #expect(Routes.products(page: 1) == "produk/")
        #expect(Routes.products(page: 3) == "produk/halaman/3/")
        #expect(Routes.category("jamu", page: 2) == "kategori/jamu/halaman/2/")
        #expect(Routes.producer("kopi-gogodeso") == "komunitas/kopi-gogodeso/")
        #expect(Routes.producer("kopi-gogodeso", page: 2) == "komunitas/kopi-gogodeso/halaman/2/")
        #expect(Routes.article("strategi-usaha") == "berita/strategi-usaha/")
        #expect(Routes.tag("batik") == "tag/batik/")
        #expect(Routes.page("tentang") == "tentang/")
        #expect(Routes.file(for: "produk/tas/") == "produk/tas/index.html")
        #expect(Routes.file(for: "") == "index.html")
        #expect(Routes.file(for: "404.html") == "404.html")
    }

    @Test func basePathAndAbsoluteURLs() {
        let config = SiteConfig(title: "x", baseURL: "https://contoh.github.io/lapak/")
        let routes = Routes(config: config)
        #expect(routes.path(Routes.product("tas")) == "/lapak/produk/tas/")
        #expect(routes.absolute(Routes.product("tas")) == "https://contoh.github.io/lapak/produk/tas/")
        #expect(Routes(config: SiteConfig(title: "x", baseURL: "https://a.org/")).path("") == "/")
    }
}
