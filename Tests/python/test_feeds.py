"""What WhatsApp, Instagram, Facebook, Google and feed readers import from a built site."""
import csv
import html.parser
import io
import json
import re

import feedparser
from lxml import etree
import photo_fixtures

G = "{http://base.google.com/ns/1.0}"
ABSOLUTE = re.compile(r"^https?://[^\s]+$")
# A real photo (libvips decodes every photo a site names), 800×600 so no check finds it small.
TINY_JPEG = photo_fixtures.jpeg_bytes(photo_fixtures.picture((800, 600), 1, 8), 85)


class Scripts(html.parser.HTMLParser):
    """Collects JSON-LD blocks and meta properties with a real HTML tokenizer."""

    def __init__(self):
        super().__init__()
        self.jsonld, self.meta, self._in = [], {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = True
            self.jsonld.append("")
        if tag == "meta" and "property" in attrs:
            self.meta[attrs["property"]] = attrs.get("content")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.jsonld[-1] += data


def parse_page(path):
    parser = Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser, [json.loads(block) for block in parser.jsonld]


def catalog_items(site):
    root = etree.parse(str(site / "katalog.xml")).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.findall("./channel/item")


RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")


def json_feed_entries(path):
    """JSON Feed 1.1 read by its specification's rules (feedparser, up to 6.0.14, reads only XML feeds)."""
    feed = json.loads(path.read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and ABSOLUTE.match(feed["home_page_url"]) and ABSOLUTE.match(feed["feed_url"])
    entries = []
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert "content_html" in item or "content_text" in item
        assert RFC3339.match(item["date_published"])
        assert all(isinstance(a, dict) and a["name"] for a in item["authors"])
        entries.append({"title": item["title"], "link": item["url"], "published": item["date_published"],
                        "author": item["authors"][0]["name"], "summary": item["summary"],
                        "content": item["content_html"], "image": item.get("image")})
    return entries


def atom_entries(path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return [{"title": e.title, "link": e.link, "published": e.published, "author": e.author, "summary": e.summary,
             "content": e.content[0].value, "image": next((l.href for l in e.links if l.rel == "enclosure"), None)}
            for e in feed.entries]


def test_news_feeds_parse_with_every_field(site):
    atom, jsonfeed = atom_entries(site / "atom.xml"), json_feed_entries(site / "feed.json")
    assert feedparser.parse((site / "atom.xml").read_bytes()).feed.title == "Lapak Purna Migran"
    assert 5 <= len(atom) <= 20 and len(atom) == len(jsonfeed)
    for a, j in zip(atom, jsonfeed):
        for entry in (a, j):
            assert entry["title"] and ABSOLUTE.match(entry["link"])
            assert RFC3339.match(entry["published"])
            assert entry["author"] and entry["summary"]
            assert entry["content"].startswith("<")
            assert 'src="/' not in entry["content"] and 'href="/' not in entry["content"]
            assert entry["image"] and ABSOLUTE.match(entry["image"])
        assert (a["title"], a["link"], a["published"], a["image"]) == (j["title"], j["link"], j["published"], j["image"])
    dates = [e["published"] for e in jsonfeed]
    assert dates == sorted(dates, reverse=True)


def test_every_page_links_both_feeds_and_has_open_graph(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' in text:
            continue  # a short address from a QR code: it only forwards, nobody shares it
        assert 'type="application/atom+xml"' in text and 'type="application/feed+json"' in text, page
        parser, _ = parse_page(page)
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height",
                    "og:type", "og:site_name", "og:locale"):
            assert parser.meta.get(key), (page, key)
        assert ABSOLUTE.match(parser.meta["og:image"]) and ABSOLUTE.match(parser.meta["og:url"])


def test_catalog_xml_items_have_required_fields_in_the_right_formats(site):
    items = catalog_items(site)
    products = json.loads((site / "products.json").read_text())["products"]
    assert len(items) >= len(products)
    ids = set()
    for item in items:
        field = lambda name: item.findtext(G + name)
        for name in ("id", "title", "description", "link", "image_link", "availability", "price", "brand",
                     "condition", "product_type"):
            assert field(name), name
        assert len(field("id")) <= 50 and field("id") not in ids
        ids.add(field("id"))
        assert len(field("title")) <= 150 and len(field("description")) <= 5000
        assert re.fullmatch(r"\d+\.00 IDR", field("price"))
        assert field("availability") in {"in_stock", "out_of_stock", "preorder"}
        assert field("condition") == "new"
        assert ABSOLUTE.match(field("link")) and ABSOLUTE.match(field("image_link"))
        weight = field("shipping_weight")
        assert weight is None or re.fullmatch(r"\d+ g", weight)
    groups = {}
    for item in items:
        group = item.findtext(G + "item_group_id")
        if group:
            groups.setdefault(group, []).append({name: item.findtext(G + name) for name in
                                                 ("size", "color", "material", "pattern", "link")})
    # A group holds variants that all say how they differ; the others are items of their own.
    with_variants = [p for p in products if p["variants"] and all(
        any(v.get(a) for a in ("size", "color", "material", "pattern")) for v in p["variants"])]
    assert len(groups) == len(with_variants)
    for product in with_variants:
        # g:size holds a size only when the variant says it is one; each variant links to itself.
        assert groups[product["id"]] == [{"size": v.get("size"), "color": v.get("color"), "material": v.get("material"),
                                          "pattern": v.get("pattern"), "link": v["url"]} for v in product["variants"]]
        assert len({v["url"] for v in product["variants"]}) == len(product["variants"])


def test_catalog_csv_holds_the_same_catalog(site):
    raw = (site / "katalog.csv").read_bytes().decode("utf-8")
    assert raw.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert {"id", "title", "description", "availability", "condition", "price", "link", "image_link",
            "brand"} <= set(rows[0].keys()) and list(rows[0].keys())[0] == "id"
    items = catalog_items(site)
    assert [r["id"] for r in rows] == [i.findtext(G + "id") for i in items]
    for row, item in zip(rows, items):
        assert row["title"] == item.findtext(G + "title")
        assert row["description"] == item.findtext(G + "description")
        assert row["price"] == item.findtext(G + "price")
        assert row["availability"] == item.findtext(G + "availability").replace("_", " ")


def test_json_ld_parses_with_required_fields(site):
    kinds = {}
    for page in site.rglob("*.html"):
        _, blocks = parse_page(page)
        for data in blocks:
            assert data["@context"] == "https://schema.org"
            kinds.setdefault(data["@type"], 0)
            kinds[data["@type"]] += 1
            if data["@type"] in ("Product", "ProductGroup"):
                # Variants as Google's product variant structured data has them: one Product each.
                variants = data.get("hasVariant", [data])
                assert (data["@type"] == "ProductGroup") == ("hasVariant" in data)
                offers = [v["offers"] for v in variants]
                assert data["name"] and data["image"] and offers
                for offer in offers:
                    assert offer["priceCurrency"] == "IDR" and offer["price"].isdigit()
                    assert offer["availability"].startswith("https://schema.org/")
                    assert offer["seller"]["name"]
            elif data["@type"] == "NewsArticle":
                assert data["headline"] and data["datePublished"] and data["author"]["name"] and data["image"]
            elif data["@type"] == "Organization":
                assert data["name"] and data["url"]
            elif data["@type"] == "BreadcrumbList":
                positions = [e["position"] for e in data["itemListElement"]]
                assert positions == list(range(1, len(positions) + 1))
    products = len(json.loads((site / "products.json").read_text())["products"])
    languages = 2  # the sample site is in Indonesian and English: each product has a page in both
    assert kinds["Product"] + kinds["ProductGroup"] == products * languages
    assert kinds["NewsArticle"] >= 5 and kinds["Organization"] >= 10 and kinds["BreadcrumbList"] > products


def test_sitemap_lists_every_public_page_and_robots_points_to_it(site):
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)}
    # Every page but the not-found pages, those a search engine is told not to index (cart, search)
    # and those whose canonical address is another (an item shown untranslated: its original is listed).
    def own_address(path):
        url = "https://lapak.example.org/" + str(path.relative_to(site)).removesuffix("index.html")
        return f'<link rel="canonical" href="{url}">' in path.read_text(encoding="utf-8")
    pages = {"https://lapak.example.org/" + str(p.relative_to(site)).removesuffix("index.html")
             for p in site.rglob("*.html") if p.name != "404.html" and 'content="noindex"' not in p.read_text()
             and own_address(p)}
    assert {"https://lapak.example.org/cari/", "https://lapak.example.org/keranjang/"}.isdisjoint(locs)
    assert set(locs) == pages
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", lastmod) for lastmod in locs.values())
    assert "Sitemap: https://lapak.example.org/sitemap.xml" in (site / "robots.txt").read_text()


HOSTILE_TITLE = "Tas </script><script>alert(1)</script> \"Kain\" & 'Batik' <!--"


def test_hostile_title_comes_out_intact_everywhere(build):
    out = build({
        "content/site.yml": 'title: "Uji"\nbase_url: "https://uji.example.org/"\n',
        "content/producers/kelompok-a.md": "---\nname: Kelompok A\nvillage: A\nregency: Jember\nwhatsapp: '0812-0000-0101'\n---\nCerita.\n",
        "content/products/tas.md": "---\ntitle: " + json.dumps(HOSTILE_TITLE) + "\nprice: 85000\ncategory: tas\n"
                                   "producer: kelompok-a\nimages: [images/tas.jpg]\nvariants:\n  - name: " + json.dumps(HOSTILE_TITLE)
                                   + "\n    size: " + json.dumps(HOSTILE_TITLE) + "\n    price: 90000\n---\nIsi </script> & teks.\n",
        "content/news/2025-01-02-berita.md": "---\ntitle: " + json.dumps(HOSTILE_TITLE) + "\ndate: 2025-01-02\n"
                                             "author: " + json.dumps(HOSTILE_TITLE) + "\n---\nIsi </script> & teks.\n",
        "content/images/tas.jpg": TINY_JPEG,
    })
    page = out / "produk" / "tas" / "index.html"
    parser, blocks = parse_page(page)
    assert parser.meta["og:title"] == HOSTILE_TITLE
    product = next(b for b in blocks if b["@type"] == "ProductGroup")
    assert product["name"] == HOSTILE_TITLE
    assert "<script>alert(1)" not in page.read_text()
    article_parser, article_blocks = parse_page(out / "berita" / "berita" / "index.html")
    assert next(b for b in article_blocks if b["@type"] == "NewsArticle")["headline"] == HOSTILE_TITLE
    assert json.loads((out / "products.json").read_text())["products"][0]["title"] == HOSTILE_TITLE
    for entry in (atom_entries(out / "atom.xml")[0], json_feed_entries(out / "feed.json")[0]):
        assert entry["title"] == HOSTILE_TITLE and entry["author"] == HOSTILE_TITLE
    items = catalog_items(out)
    assert items[0].findtext(G + "title") == HOSTILE_TITLE + " (" + HOSTILE_TITLE + ")"
    assert items[0].findtext(G + "size") == HOSTILE_TITLE
    rows = list(csv.DictReader(io.StringIO((out / "katalog.csv").read_bytes().decode("utf-8"), newline="")))
    assert rows[0]["size"] == HOSTILE_TITLE
    assert next(b for b in blocks if b["@type"] == "ProductGroup")["hasVariant"][0]["size"] == HOSTILE_TITLE
    assert rows[0]["title"] == items[0].findtext(G + "title")
