"""Page weight budgets, on every page of a fresh build: fast on a cheap phone with little data."""
import html.parser
import urllib.parse

# HTML + CSS + JS of one page, uncompressed, without images; a listing of 24 cards carries each
# photo's srcset and sizes (about 9 KB), which is what lets phones load the 320 px copies.
PAGE_BUDGET = 45 * 1024
STYLESHEET_BUDGET = 15 * 1024
# The printed price lists and label sheet are printed at a stall, not read on a phone, and hold
# every product of the site or of a producer: each row may add its QR code (an inline SVG of about
# 4 KB) and its text to the page's budget.
PRINT_PAGES = tuple(prefix + page for prefix in ("", "en/")  # the same pages in each language
                    for page in ("katalog/cetak/index.html", "katalog/label/index.html", "komunitas/*/cetak/index.html"))
PRINT_ROW_BUDGET = 6 * 1024


def budget(site, page):
    if any(page.match(str(site / pattern)) for pattern in PRINT_PAGES):
        return PAGE_BUDGET + PRINT_ROW_BUDGET * page.read_text(encoding="utf-8").count("<svg")
    return PAGE_BUDGET


class Resources(html.parser.HTMLParser):
    """What a page makes the browser fetch: stylesheets, scripts, images, icons."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.other = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel:
            self.styles.append(attrs["href"])
        elif tag == "link" and ({"icon", "preload", "modulepreload", "manifest"} & set(rel)):
            self.other.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag == "script" and attrs.get("type") != "application/ld+json":
            raise AssertionError("inline script: data for the script belongs in data-* attributes")
        elif tag in ("img", "source", "iframe", "video", "audio", "embed") and attrs.get("src"):
            self.other.append(attrs["src"])
        if "style" in attrs or any(name.startswith("on") for name in attrs):
            raise AssertionError(f"inline style or event handler on <{tag}>")


def resources(page):
    parser = Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def local(site, url):
    parts = urllib.parse.urlsplit(url)
    assert not parts.scheme and not parts.netloc, f"request to another host: {url}"
    return site / parts.path.lstrip("/")


def weight(site, page):
    found = resources(page)
    return page.stat().st_size + sum(local(site, u).stat().st_size for u in found.styles + found.scripts)


def test_every_page_fits_the_budget_and_fetches_only_from_the_site(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        found = resources(page)
        assert len(found.styles) == 1, page
        assert len(found.scripts) <= 1, page
        for url in found.other:
            assert local(built, url).exists(), (page, url)
        assert weight(built, page) <= budget(built, page), (page, weight(built, page))


def test_product_pages_fit_the_budget(built):
    heaviest = max(weight(built, p) for p in (built / "produk").glob("*/index.html"))
    assert heaviest <= PAGE_BUDGET, heaviest


def test_one_small_stylesheet(built):
    sheets = list(built.glob("*.css"))
    assert [s.name for s in sheets] == ["style.css"]
    assert sheets[0].stat().st_size <= STYLESHEET_BUDGET
    text = sheets[0].read_text(encoding="utf-8")
    assert "@import" not in text and "url(" not in text and "@font-face" not in text
