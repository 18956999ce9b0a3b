import Testing
@testable import LapakCore

/// Feed readers show an article away from the site: its site-relative links are made absolute.
@Suite struct AbsoluteLinksTests {
    private func routes(_ baseURL: String) -> Routes { Routes(config: SiteConfig(title: "Lapak", baseURL: baseURL)) }

    @Test func siteRelativeLinksAndImagesGetTheBaseURL() {
        let html = #"<p><a href="/produk/tas/">Tas</a> <img src="/images/a.jpg" alt=""> <a href="//cdn.example.org/x">x</a> <a href="https://wa.me/1">wa</a> <a href="relatif/">r</a></p>"#
        #expect(AbsoluteLinks.rewrite(html, routes: routes("https://lapak.example.org/")) ==
            #"<p><a href="https://lapak.example.org/produk/tas/">Tas</a> <img src="https://lapak.example.org/images/a.jpg" alt=""> <a href="//cdn.example.org/x">x</a> <a href="https://wa.me/1">wa</a> <a href="relatif/">r</a></p>"#)
    }

    @Test func aBasePathIsNotRepeated() {
        let html = #"<a href="/toko/produk/">a</a><img src="/images/b.png">"#
        #expect(AbsoluteLinks.rewrite(html, routes: routes("https://example.org/toko/")) ==
            #"<a href="https://example.org/toko/produk/">a</a><img src="https://example.org/toko/images/b.png">"#)
    }

    @Test func textWithoutAttributesIsUnchanged() {
        let html = "<p>href= src \"/x\" é</p>"
        #expect(AbsoluteLinks.rewrite(html, routes: routes("https://example.org/")) == html)
    }
}
