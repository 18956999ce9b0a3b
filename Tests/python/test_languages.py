"""The committed sample site in Indonesian and English: links between languages, untranslated
items, and each language's feeds and catalogs read by the tools that import them."""
import csv
import html.parser
import io
import json
import pathlib
import re

import jsonschema
from lxml import etree

from test_feeds import G, atom_entries, json_feed_entries

BASE = "https://lapak.example.org/"
REPO_SCHEMA = pathlib.Path(__file__).resolve().parents[2] / "docs/products.schema.json"


class Head(html.parser.HTMLParser):
    """`<html lang>`, the canonical link and the hreflang alternates of one page."""

    def __init__(self):
        super().__init__()
        self.lang, self.canonical, self.alternates, self.notice = None, None, {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            assert attrs["hreflang"] not in self.alternates, attrs
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "p" and "untranslated" in (attrs.get("class") or ""):
            self.notice = True


def pages(site):
    """Every page a reader can land on, by its absolute address (forwarding pages left out)."""
    out = {}
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' in text:
            continue
        head = Head()
        head.feed(text)
        relative = str(path.relative_to(site))
        out[BASE + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)] = head
    return out


def test_every_page_has_its_language_and_hreflang_links_that_answer_each_other(site):
    found = pages(site)
    assert len(found) > 200
    for url, head in found.items():
        english = url.startswith(BASE + "en/")
        assert head.lang == ("en" if english else "id"), url
        assert set(head.alternates) == {"id", "en", "x-default"}, url
        assert head.alternates["x-default"] == head.alternates["id"], url
        own = head.alternates["en" if english else "id"]
        assert own == url, url
        for language in ("id", "en"):
            other = found[head.alternates[language]]
            # Reciprocal: the page each link leads to links back to this one in this page's language.
            assert other.alternates["en" if english else "id"] == url, (url, language)


def test_an_untranslated_product_is_there_in_english_with_a_notice_and_the_original_as_canonical(site):
    found = pages(site)
    untranslated = found[BASE + "en/produk/beras-gogodeso/"]
    assert untranslated.notice and untranslated.canonical == BASE + "produk/beras-gogodeso/"
    translated = found[BASE + "en/produk/tas-anyaman-pandan-kedunggebang/"]
    assert not translated.notice and translated.canonical == BASE + "en/produk/tas-anyaman-pandan-kedunggebang/"
    text = (site / "en/produk/tas-anyaman-pandan-kedunggebang/index.html").read_text(encoding="utf-8")
    assert "Rp 125,000" in text and "Rp 125.000" not in text
    # Every Indonesian page has a translation, or is the original of one: no notice there.
    assert not any(head.notice for url, head in found.items() if not url.startswith(BASE + "en/"))


def test_the_sitemap_lists_each_canonical_page_once_with_its_versions(site):
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {}
    for url in root.findall("s:url", ns):
        links = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", ns)}
        entries[url.findtext("s:loc", namespaces=ns)] = links
    # Pages to find: not the not-found pages, not those a search engine is told not to index (cart,
    # search, printed pages), not those whose canonical address is another.
    noindex = {BASE + str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("*.html")
               if 'content="noindex"' in p.read_text(encoding="utf-8")}
    listed = {url for url, head in pages(site).items()
              if head.canonical == url and url not in noindex and not url.endswith("404.html")}
    assert set(entries) == listed
    for url, links in entries.items():
        assert links["x-default"] == links["id"] and url in links.values()
        for language, other in links.items():
            if language != "x-default":
                assert entries[other] == links, (url, other)


def test_each_language_has_its_feeds_and_they_validate(site):
    for folder in (site, site / "en"):
        atom, jsonfeed = atom_entries(folder / "atom.xml"), json_feed_entries(folder / "feed.json")
        assert len(atom) == len(jsonfeed) >= 5
        assert [a["link"] for a in atom] == [j["link"] for j in jsonfeed]
    english = json.loads((site / "en/feed.json").read_text(encoding="utf-8"))
    assert english["language"] == "en" and english["feed_url"] == BASE + "en/feed.json"
    assert english["home_page_url"] == BASE + "en/"
    assert all(i["url"].startswith(BASE + "en/berita/") for i in english["items"])
    assert any(i["title"] == "Five KOPI Communities in Blitar Plan Their Business Strategy for 2026" for i in english["items"])
    # Articles shown untranslated say so to feed readers.
    news = site.parent / "content/news"
    untranslated = len([p for p in news.glob("*.md") if not p.name.endswith(".en.md")]) - len(list(news.glob("*.en.md")))
    assert sum(1 for i in english["items"] if i.get("language") == "id") == untranslated > 0
    assert (site / "en/atom.xml").read_text(encoding="utf-8").count('<entry xml:lang="id">') == untranslated
    assert not any("language" in i for i in json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"])
    schema = json.loads(open(REPO_SCHEMA, encoding="utf-8").read())
    for path in (site / "products.json", site / "en/products.json"):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    products = json.loads((site / "en/products.json").read_text(encoding="utf-8"))["products"]
    assert all(p["url"].startswith(BASE + "en/produk/") for p in products)
    assert any(p["title"] == "Woven Pandan Bag" and p["price_text"] == "Rp 125,000" for p in products)


def test_the_english_catalogs_hold_the_same_items_in_english_at_the_same_prices(site):
    def items(name):
        root = etree.parse(str(site / name)).getroot()
        return root, {i.findtext(G + "id"): i for i in root.findall("./channel/item")}
    indonesian_root, indonesian = items("katalog.xml")
    english_root, english = items("katalog.en.xml")
    assert english_root.findtext("./channel/language") == "en" and indonesian_root.findtext("./channel/language") == "id"
    # Only what is translated: the channels check that a feed's text is in its language.
    assert 0 < len(english) < len(indonesian) and set(english) <= set(indonesian)
    for key, item in english.items():
        assert item.findtext(G + "price") == indonesian[key].findtext(G + "price")
        assert item.findtext(G + "image_link") == indonesian[key].findtext(G + "image_link")
        assert item.findtext(G + "link").startswith(BASE + "en/produk/")
    titles = {item.findtext(G + "title").split(" (")[0] for item in english.values()}
    assert "Woven Pandan Bag" in titles and "Es Teh Manis Gelas Jumbo" not in titles
    rows = list(csv.DictReader(io.StringIO((site / "katalog.en.csv").read_bytes().decode("utf-8"), newline="")))
    assert [r["id"] for r in rows] == list(english)
    assert all(r["link"].startswith(BASE + "en/produk/") for r in rows)


def test_search_and_not_found_pages_exist_in_each_language(site):
    english = json.loads((site / "en/cari/index.json").read_text(encoding="utf-8"))
    assert any(entry["t"] == "Woven Pandan Bag" and entry["u"].startswith("/en/produk/") for entry in english)
    assert any(re.fullmatch(r"Rp [\d,]+( – Rp [\d,]+)?", entry["p"]) for entry in english if entry["k"] == "product")
    text = (site / "en/404.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "Page not found" in text
