import Testing
@testable import LapakCore

/// Where a link in a Markdown body leads, before it is looked up among the built files.
@Suite struct CheckLinkTests {
    @Test(arguments: [
        ("https://wa.me/62812", InternalLink.external), ("mailto:halo@example.org", .external), ("tel:0812", .external),
        ("#cara-pesan", .external), ("//cdn.example.org/a.js", .external), ("", .external),
        ("/produk/tas/", .path("produk/tas/")), ("/produk/tas", .path("produk/tas")), ("/", .path("")),
        ("/produk/tas/#ukuran", .path("produk/tas/")), ("/cari/?q=tas", .path("cari/")),
        ("/images/products/foto%20tas.jpg", .path("images/products/foto tas.jpg")),
        ("../../komunitas/", .path("komunitas/")), ("lain/", .path("produk/tas/lain/")), ("./", .path("produk/tas/")),
        ("?warna=merah", .path("produk/tas/")), ("../../../x/", .outside), ("/produk/../../x", .outside),
        ("c:/windows", .external),
    ])
    func resolvedFromAProductPage(url: String, expected: InternalLink) {
        #expect(InternalLink.resolve(url, basePath: "/", from: "produk/tas/") == expected)
    }

    @Test func underABasePath() {
        #expect(InternalLink.resolve("/lapak/produk/tas/", basePath: "/lapak/", from: "") == .path("produk/tas/"))
        #expect(InternalLink.resolve("/lapak", basePath: "/lapak/", from: "") == .path(""))
        #expect(InternalLink.resolve("/lain/", basePath: "/lapak/", from: "") == .outside)
    }

    @Test func contentFilesAndTheirPages() {
        let routes = Routes(config: SiteConfig(title: "x", baseURL: "https://a.org/"))
        #expect(SiteOutputs.route(ofContentFile: "content/products/tas.md", routes: routes) == "produk/tas/")
        #expect(SiteOutputs.route(ofContentFile: "content/news/2025-12-13-rapat.md", routes: routes) == "berita/rapat/")
        #expect(SiteOutputs.route(ofContentFile: "content/pages/tentang.md", routes: routes) == "tentang/")
        #expect(SiteOutputs.route(ofContentFile: "content/producers/kopi-x.md", routes: routes) == "komunitas/kopi-x/")
        #expect(SiteOutputs.route(ofContentFile: "content/site.yml", routes: routes) == nil)
        #expect(SiteOutputs.route(ofContentFile: "themes/default/templates/base.html", routes: routes) == nil)
    }
}
