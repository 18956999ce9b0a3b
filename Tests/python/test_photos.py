"""The photo pipeline with the real `lapak` binary: every photo content names is published upright,
without EXIF, XMP, GPS or IPTC, as fingerprinted WebP widths and one JPEG, never as the original;
the same photos give the same bytes with or without the cache, and after a build killed halfway;
hostile files (bombs, truncated, huge ICC profiles, huge files, text named .jpg) are refused at
the line that names them, quickly and in little memory; `lapak check` warns about GPS positions and
`lapak photos --strip` removes them. Photos are made at test time (photo_fixtures.py)."""
import csv
import hashlib
import html.parser
import io
import json
import math
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.parse

import pytest
from lxml import etree
from PIL import Image

import photo_fixtures as photos
from hostile import LAPAK

BASE_URL = "https://foto.example.org/"
SITE_YML = f'title: "Lapak Foto"\nbase_url: "{BASE_URL}"\ncategories:\n  tas-anyaman: "Tas Anyaman"\n'
PRODUCER = ('---\nname: "Desbumi Kedunggebang"\nvillage: "Kedunggebang"\nregency: "Banyuwangi"\n'
            'whatsapp: "0812-0000-0101"\n---\nKelompok penganyam.\n')
IMAGE_LINE = 7  # the line of the first `images` entry of a file written by product()
NAME = re.compile(r"^(?P<stem>.+)\.(?P<fp>[0-9a-f]{10})\.(?P<width>[1-9][0-9]*)\.(?P<ext>webp|jpg)$")
SUMMARY_EN = re.compile(r"(\d+) photos \((\d+) processed, (\d+) from cache\)")
SUMMARY_ID = re.compile(r"(\d+) foto \((\d+) diolah, (\d+) dari cache\)")
HOSTILE_SECONDS = 2.0
HOSTILE_MEGABYTES = 400
RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".heic", ".heif"}


# --- running lapak ---------------------------------------------------------------------------------

class Run:
    def __init__(self, returncode, stdout, stderr, seconds, peak_mb):
        self.returncode, self.stdout, self.stderr, self.seconds, self.peak_mb = returncode, stdout, stderr, seconds, peak_mb

    def __repr__(self):
        return f"exit {self.returncode} in {self.seconds:.2f} s, {self.peak_mb:.0f} MB\n{self.stdout}\n{self.stderr}"


def lapak(*args, timeout=300, env=None):
    """Runs lapak; returns its exit status, output, wall time and peak resident memory (its own,
    from wait4: not the largest of every child this test process ever had)."""
    assert LAPAK.exists(), f"{LAPAK} missing: run `swift build --product lapak` first"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen([str(LAPAK), *map(str, args)], stdout=out, stderr=err,
                                   env={**os.environ, **(env or {})})
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(process.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   seconds, usage.ru_maxrss / 1024)


def build(source, out, *options, env=None):
    return lapak("build", "--source", source, "--output", out, *options, env=env)


def built(source, out, *options, env=None):
    run = build(source, out, *options, env=env)
    assert run.returncode == 0, run
    return run


def tree(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def summary(run):
    """(photos, processed, from cache) from the build's summary line, in either language."""
    found = SUMMARY_EN.search(run.stdout) or SUMMARY_ID.search(run.stdout)
    assert found, f"no photo count in the summary line:\n{run.stdout}"
    return tuple(int(n) for n in found.groups())


# --- writing sites ---------------------------------------------------------------------------------

def product(title, *images):
    """A product file naming `images` (under images/products/); the first entry is on line 7."""
    entries = "".join(f'  - src: images/products/{name}\n    alt: "Foto {title}"\n' for name in images)
    return (f'---\ntitle: "{title}"\nprice: 85000\ncategory: tas-anyaman\nproducer: desbumi-kedunggebang\n'
            f'images:\n{entries}---\nCerita tentang {title}.\n')


def new_site(root, products=None):
    """A site folder with site.yml, one producer and `products` ({slug: text})."""
    files = {"content/site.yml": SITE_YML, "content/producers/desbumi-kedunggebang.md": PRODUCER}
    files.update({f"content/products/{slug}.md": text for slug, text in (products or {}).items()})
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "content/images/products").mkdir(parents=True, exist_ok=True)
    return root


def published(out, source):
    """{(ext, width): path} of the copies published for content/images/`source`, and their fingerprints."""
    source = pathlib.PurePosixPath(source)
    folder = out / "images" / source.parent
    found, prints = {}, set()
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        match = NAME.match(path.name)
        if match and match["stem"] == source.stem:
            found[(match["ext"], int(match["width"]))] = path
            prints.add(match["fp"])
    return found, prints


def only_jpeg(out, source):
    found, _ = published(out, source)
    jpegs = [path for (ext, _), path in found.items() if ext == "jpg"]
    assert len(jpegs) == 1, (source, sorted(found))
    return jpegs[0]


def webp_widths(width):
    """The spec's WebP widths for a photo `width` px wide upright: the standard widths smaller than
    the photo, and the photo's own width when it is not wider than the largest (1600)."""
    widths = [w for w in (320, 640, 1024, 1600) if w < width]
    return widths + [width] if width <= 1600 else widths


def jpeg_width(width, height):
    """The spec's JPEG width: about 1200, wider when needed for a short side of 500 px, never wider
    than the photo."""
    wanted = 1200
    if wanted * height / width < 500:
        wanted = math.ceil(500 * width / height)
    return min(wanted, width)


def kind_of(data):
    if data[:2] == b"\xff\xd8":
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return "other"


# --- reading pages ---------------------------------------------------------------------------------

class Page(html.parser.HTMLParser):
    """Pictures (their sources and img), every img, Open Graph metas and JSON-LD blocks of a page."""

    def __init__(self, text):
        super().__init__()
        self.pictures, self.images, self.meta, self.jsonld = [], [], {}, []
        self._picture, self._script = None, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self._picture = {"sources": [], "img": None}
            self.pictures.append(self._picture)
        elif tag == "source" and self._picture is not None:
            self._picture["sources"].append(attrs)
        elif tag == "img":
            self.images.append(attrs)
            if self._picture is not None and self._picture["img"] is None:
                self._picture["img"] = attrs
        elif tag == "meta" and attrs.get("property"):
            self.meta.setdefault(attrs["property"], attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []

    def handle_endtag(self, tag):
        if tag == "picture":
            self._picture = None
        elif tag == "script" and self._script is not None:
            self.jsonld.append(json.loads("".join(self._script)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


def page(out, route):
    return Page((out / route / "index.html").read_text(encoding="utf-8"))


def srcset(text):
    """[(url, width)] of a srcset of width descriptors."""
    pairs = []
    for candidate in text.split(","):
        url, descriptor = candidate.strip().rsplit(None, 1)
        assert descriptor.endswith("w"), text
        pairs.append((url, int(descriptor[:-1])))
    return pairs


def local(out, url):
    """The output file a same-site URL (absolute, root-relative) points at."""
    parts = urllib.parse.urlsplit(url)
    if parts.netloc:
        assert url.startswith(BASE_URL), url
    return out / urllib.parse.unquote(parts.path).lstrip("/")


def typed(value, kind):
    """Every JSON-LD object of @type `kind`, however nested."""
    if isinstance(value, dict):
        if value.get("@type") == kind:
            yield value
        for item in value.values():
            yield from typed(item, kind)
    elif isinstance(value, list):
        for item in value:
            yield from typed(item, kind)


# --- the gallery: one site naming photos in every place content can --------------------------------

# content/images/<name>: (maker, arguments, upright size)
SOURCES = {
    "products/tas.jpg": (photos.phone_jpeg, {"stored_size": (1600, 1200), "orientation": 6}, (1200, 1600)),
    "products/layar.png": (photos.screenshot_png, {"size": (720, 1560)}, (720, 1560)),
    "products/dompet.webp": (photos.webp_with_exif, {"size": (1200, 900)}, (1200, 900)),
    "products/panorama.jpg": (photos.phone_jpeg, {"stored_size": (3000, 900), "orientation": 1, "seed": 11}, (3000, 900)),
    "products/kecil.jpg": (photos.phone_jpeg, {"stored_size": (400, 300), "orientation": 1, "seed": 12}, (400, 300)),
    "products/struk.jpg": (None, {"size": (800, 600)}, (800, 600)),  # a PNG named .jpg: accepted by content
    "producers/kelompok.jpg": (photos.phone_jpeg, {"stored_size": (800, 600), "orientation": 8, "seed": 13}, (600, 800)),
    "news/pelatihan.jpg": (photos.phone_jpeg, {"stored_size": (1024, 768), "orientation": 3, "seed": 14}, (1024, 768)),
    "halaman/rumah.jpg": (photos.phone_jpeg, {"stored_size": (1200, 900), "orientation": 6, "seed": 15}, (900, 1200)),
    "og.jpg": (photos.phone_jpeg, {"stored_size": (1200, 630), "orientation": 1, "seed": 16}, (1200, 630)),
}
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#7a3e12"/></svg>\n'


def write_gallery(root):
    new_site(root, {
        "tas-pandan": product("Tas Pandan", "tas.jpg", "layar.png"),
        "dompet": product("Dompet", "dompet.webp"),
        "panorama": product("Taplak Panjang", "panorama.jpg"),
        "kecil": product("Gantungan Kunci", "kecil.jpg"),
        "struk": product("Paket Struk", "struk.jpg"),
    })
    images = root / "content/images"
    for name, (maker, arguments, _) in SOURCES.items():
        (images / name).parent.mkdir(parents=True, exist_ok=True)
        if maker is None:
            photos.picture(arguments["size"], 17, 8).save(images / name, "PNG")
        else:
            maker(images / name, **arguments)
    (images / "dokumen").mkdir()
    (images / "dokumen/katalog.pdf").write_bytes(PDF)
    (images / "dokumen/denah.svg").write_bytes(SVG)
    (root / "content/site.yml").write_text(SITE_YML + "image: images/og.jpg\n", encoding="utf-8")
    (root / "content/producers/desbumi-kedunggebang.md").write_text(
        PRODUCER.replace("---\nKelompok", 'image: images/producers/kelompok.jpg\n---\nKelompok'), encoding="utf-8")
    (root / "content/news").mkdir()
    (root / "content/news/2025-01-02-pelatihan.md").write_text(
        '---\ntitle: "Pelatihan Foto Produk"\ndate: 2025-01-02\nimage: images/news/pelatihan.jpg\n'
        'image_alt: "Peserta pelatihan"\nproducers: [desbumi-kedunggebang]\n---\nPeserta belajar memotret.\n',
        encoding="utf-8")
    (root / "content/pages").mkdir()
    (root / "content/pages/tentang.md").write_text(
        '---\ntitle: "Tentang Kami"\n---\nKami kelompok penganyam.\n\n![Rumah produksi](/images/halaman/rumah.jpg)\n\n'
        '[Unduh katalog](/images/dokumen/katalog.pdf) dan [denah](/images/dokumen/denah.svg).\n', encoding="utf-8")


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    root = tmp_path_factory.mktemp("gallery")
    source, out, cache = root / "src", root / "site", root / "cache"
    write_gallery(source)
    run = built(source, out, "--cache-dir", cache, "--lang", "en")
    return {"source": source, "out": out, "cache": cache, "run": run, "root": root}


@pytest.mark.parametrize("name", SOURCES)
def test_every_photo_is_published_upright_in_the_widths_and_names_of_the_spec(gallery, name):
    out = gallery["out"]
    width, height = SOURCES[name][2]
    found, prints = published(out, name)
    assert len(prints) == 1, f"{name}: the copies should share one fingerprint: {sorted(p.name for p in found.values())}"
    assert sorted(w for ext, w in found if ext == "webp") == webp_widths(width), sorted(found)
    jpegs = [w for ext, w in found if ext == "jpg"]
    assert len(jpegs) == 1, sorted(found)
    assert abs(jpegs[0] - jpeg_width(width, height)) <= 1, (jpegs, jpeg_width(width, height))
    for (ext, w), path in found.items():
        data = path.read_bytes()
        assert kind_of(data) == ext, f"{path.name} is not a {ext}"
        with Image.open(io.BytesIO(data)) as image:
            assert image.width == w, (path.name, image.size)
            assert abs(image.height - height * w / width) <= 1, (path.name, image.size, (width, height))
            assert photos.upright(image), f"{path.name} is not upright"
            assert image.mode in ("RGB", "RGBA", "L"), (path.name, image.mode)


def test_a_phone_photo_turned_by_exif_is_published_portrait(gallery):
    found, _ = published(gallery["out"], "products/tas.jpg")
    assert ("jpg", 1200) in found, sorted(found)
    with Image.open(found[("jpg", 1200)]) as image:
        assert image.size == (1200, 1600)
        assert image.getexif().get(0x0112) in (None, 1), "an orientation tag would turn it again"
    assert max(w for ext, w in found if ext == "webp") == 1200
    for (ext, w), path in found.items():
        with Image.open(path) as image:
            assert image.height > image.width, f"{path.name} is {image.size}: not portrait"


def test_a_short_jpeg_is_widened_to_500_px_on_its_short_side(gallery):
    with Image.open(only_jpeg(gallery["out"], "products/panorama.jpg")) as image:
        assert min(image.size) >= 500 and image.width < 3000, image.size


def test_no_published_image_carries_metadata(gallery):
    checked = 0
    for path in sorted(gallery["out"].rglob("*")):
        if path.suffix.lower() not in RASTER:
            continue
        data = path.read_bytes()
        kinds = photos.metadata(data)
        assert not kinds & photos.PRIVATE, f"{path.relative_to(gallery['out'])} carries {sorted(kinds & photos.PRIVATE)}"
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), f"{path.name}: Pillow finds EXIF"
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(image.info), (path.name, sorted(image.info))
        checked += 1
    assert checked >= sum(len(webp_widths(size[0])) + 1 for _, _, size in SOURCES.values())


def test_the_sources_did_carry_what_must_be_removed(gallery):
    """The fixtures are what the other tests claim: phone photos with GPS, XMP, IPTC, a comment."""
    images = gallery["source"] / "content/images"
    assert {"exif", "gps", "xmp", "iptc", "comment"} <= photos.metadata((images / "products/tas.jpg").read_bytes())
    assert {"exif", "gps", "xmp", "text"} <= photos.metadata((images / "products/layar.png").read_bytes())
    assert {"exif", "gps", "xmp"} <= photos.metadata((images / "products/dompet.webp").read_bytes())
    with Image.open(images / "products/tas.jpg") as image:
        assert image.size == (1600, 1200) and image.getexif()[0x0112] == 6 and not photos.upright(image)


def test_phone_photos_are_never_larger_than_their_source(gallery):
    for name, (maker, _, _) in SOURCES.items():
        if maker is not photos.phone_jpeg:
            continue
        size = (gallery["source"] / "content/images" / name).stat().st_size
        found, _ = published(gallery["out"], name)
        heavier = [(p.name, p.stat().st_size) for p in found.values() if p.stat().st_size > size]
        assert not heavier, f"{name} is {size} bytes; published copies are larger: {heavier}"


def test_originals_are_never_published(gallery):
    out, images = gallery["out"], gallery["source"] / "content/images"
    originals = {hashlib.sha256((images / name).read_bytes()).hexdigest(): name for name in SOURCES}
    for path in out.rglob("*"):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            assert digest not in originals, f"{path.relative_to(out)} is the original {originals[digest]}"
    names = {pathlib.PurePosixPath(name).name for name in SOURCES}
    assert not [p for p in out.rglob("*") if p.name in names], "an original's name is published"


def test_files_that_are_not_photos_are_copied_as_they_are(gallery):
    out = gallery["out"]
    assert (out / "images/dokumen/katalog.pdf").read_bytes() == PDF
    assert (out / "images/dokumen/denah.svg").read_bytes() == SVG


def test_every_image_a_page_names_is_published(gallery):
    out = gallery["out"]
    for html_file in out.rglob("*.html"):
        parsed = Page(html_file.read_text(encoding="utf-8"))
        urls = [img["src"] for img in parsed.images if img.get("src")]
        urls += [url for img in parsed.images if img.get("srcset") for url, _ in srcset(img["srcset"])]
        urls += [url for picture in parsed.pictures for s in picture["sources"] for url, _ in srcset(s["srcset"])]
        for url in urls:
            if url.startswith("data:"):
                continue
            assert local(out, url).is_file(), f"{html_file.relative_to(out)} names {url}, which is not published"
            assert pathlib.PurePosixPath(urllib.parse.urlsplit(url).path).name not in {
                pathlib.PurePosixPath(n).name for n in SOURCES}, f"{html_file.relative_to(out)} names an original: {url}"
    about = page(out, "tentang")
    assert any(NAME.match(pathlib.PurePosixPath(urllib.parse.urlsplit(img["src"]).path).name)
               for img in about.images), "the photo in the page body is not a published copy"


def test_product_pages_offer_the_webp_widths_and_the_jpeg(gallery):
    out = gallery["out"]
    found, _ = published(out, "products/tas.jpg")
    parsed = page(out, "produk/tas-pandan")
    mine = [p for p in parsed.pictures if p["img"] and local(out, p["img"]["src"]) == found[("jpg", 1200)]]
    assert len(mine) == 1, parsed.pictures
    first = mine[0]
    [source] = first["sources"]
    assert source["type"] == "image/webp" and source.get("sizes"), source
    offered = srcset(source["srcset"])
    assert [w for _, w in offered] == webp_widths(1200)
    for url, w in offered:
        assert local(out, url) == found[("webp", w)], (url, w)
    img = first["img"]
    assert local(out, img["src"]) == found[("jpg", 1200)]
    assert (img.get("width"), img.get("height")) == ("1200", "1600"), img
    assert img.get("alt") == "Foto Tas Pandan"
    screenshot = only_jpeg(out, "products/layar.png")
    assert any(p["img"] and local(out, p["img"]["src"]) == screenshot for p in parsed.pictures), "the second photo"
    cards = page(out, "produk")
    assert any(p["img"] and local(out, p["img"]["src"]) == found[("jpg", 1200)] for p in cards.pictures)


def test_feeds_and_link_previews_point_at_the_jpeg(gallery):
    out = gallery["out"]
    tas = BASE_URL + str(only_jpeg(out, "products/tas.jpg").relative_to(out))
    layar = BASE_URL + str(only_jpeg(out, "products/layar.png").relative_to(out))
    link = BASE_URL + "produk/tas-pandan/"

    feed = json.loads((out / "products.json").read_text(encoding="utf-8"))["products"]
    [item] = [p for p in feed if p["url"] == link]
    assert item["images"] == [tas, layar]

    g = "{http://base.google.com/ns/1.0}"
    items = [i for i in etree.fromstring((out / "katalog.xml").read_bytes()).iter("item")
             if (i.findtext("link") or i.findtext(g + "link")) == link]
    assert len(items) == 1
    assert items[0].findtext(g + "image_link") == tas
    assert [e.text for e in items[0].findall(g + "additional_image_link")] == [layar]

    rows = [r for r in csv.DictReader(io.StringIO((out / "katalog.csv").read_text(encoding="utf-8"))) if r["link"] == link]
    assert len(rows) == 1 and rows[0]["image_link"] == tas and layar in rows[0]["additional_image_link"]

    parsed = page(out, "produk/tas-pandan")
    assert parsed.meta["og:image"] == tas
    if "og:image:width" in parsed.meta:
        assert (parsed.meta["og:image:width"], parsed.meta["og:image:height"]) == ("1200", "1600")
    [data] = [d for block in parsed.jsonld for d in typed(block, "Product")]
    images = data["image"] if isinstance(data["image"], list) else [data["image"]]
    assert images[0] == tas and set(images) <= {tas, layar}

    news = page(out, "berita/pelatihan")
    assert news.meta["og:image"] == BASE_URL + str(only_jpeg(out, "news/pelatihan.jpg").relative_to(out))
    about = page(out, "tentang")
    assert about.meta["og:image"] == BASE_URL + str(only_jpeg(out, "og.jpg").relative_to(out))


def test_the_summary_counts_the_photos_processed(gallery):
    assert summary(gallery["run"]) == (len(SOURCES), len(SOURCES), 0)


def test_the_same_photos_give_the_same_bytes_with_separate_caches(gallery, tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(gallery["source"] / "content", copy / "content")
    run = built(copy, tmp_path / "site", "--cache-dir", tmp_path / "cache", env={"LAPAK_THREADS": "1"})
    assert summary(run) == (len(SOURCES), len(SOURCES), 0), "a fresh cache should have processed every photo"
    assert tree(tmp_path / "site") == tree(gallery["out"])


def test_a_second_build_takes_every_photo_from_the_cache(gallery, tmp_path):
    cache = tmp_path / "cache"
    shutil.copytree(gallery["cache"], cache)
    run = built(gallery["source"], tmp_path / "site", "--cache-dir", cache)
    assert SUMMARY_ID.search(run.stdout), f"no `N foto (N diolah, N dari cache)` in the summary:\n{run.stdout}"
    assert summary(run) == (len(SOURCES), 0, len(SOURCES))
    assert tree(tmp_path / "site") == tree(gallery["out"])


def test_the_cache_lives_in_the_source_folder_and_a_changed_photo_gets_a_new_fingerprint(tmp_path):
    source = new_site(tmp_path / "src", {"tas": product("Tas", "tas.jpg"), "dompet": product("Dompet", "dompet.jpg")})
    photos.phone_jpeg(source / "content/images/products/tas.jpg", (1200, 900), 6, seed=21)
    photos.phone_jpeg(source / "content/images/products/dompet.jpg", (1200, 900), 1, seed=22)
    out = tmp_path / "site"
    assert summary(built(source, out, "--lang", "en")) == (2, 2, 0)
    assert [p for p in (source / ".lapak/cache").rglob("*") if p.is_file()], "nothing cached in SOURCE/.lapak/cache"
    before, old = published(out, "products/tas.jpg")
    dompet = tree(out / "images/products")
    photos.phone_jpeg(source / "content/images/products/tas.jpg", (1200, 900), 6, seed=23)
    assert summary(built(source, out, "--lang", "en")) == (2, 1, 1)
    after, new = published(out, "products/tas.jpg")
    assert len(new) == 1 and new != old, (old, new)
    assert sorted(after) == sorted(before)
    assert not any(p.exists() for p in before.values()), "the old copies are still published"
    kept = {name: digest for name, digest in dompet.items() if name.startswith("dompet.")}
    assert kept and all(tree(out / "images/products").get(name) == digest for name, digest in kept.items())


def test_a_build_killed_while_processing_photos_leaves_nothing_broken(tmp_path):
    """SIGKILL in the middle of the photos (0.3 s in, then as soon as a new cache file appears),
    then a normal build with the same cache: it succeeds and publishes what a clean build does."""
    count = 24
    source = new_site(tmp_path / "src", {f"produk-{i:02d}": product(f"Produk {i}", f"foto-{i:02d}.jpg")
                                         for i in range(count)})
    photos.phone_jpeg(tmp_path / "foto.jpg", (1600, 1200), 6, seed=31)
    original = (tmp_path / "foto.jpg").read_bytes()
    for i in range(count):  # the same pixels, different bytes: each a photo of its own to process
        (source / f"content/images/products/foto-{i:02d}.jpg").write_bytes(
            photos.insert_segments(original, [photos.segment(0xFE, f"foto {i}".encode())]))
    clean = tmp_path / "clean"
    built(source, clean, "--cache-dir", tmp_path / "clean-cache")
    cache, out = tmp_path / "cache", tmp_path / "site"

    def entries(folder=cache):
        return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0

    complete = entries(tmp_path / "clean-cache")
    halfway = []  # cache files left by each build killed before it finished
    for wait in ("0.3 s", "next cache entry"):
        known = entries()
        process = subprocess.Popen([str(LAPAK), "build", "--source", str(source), "--output", str(out),
                                    "--cache-dir", str(cache)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if wait == "0.3 s":
            time.sleep(0.3)
        else:
            deadline = time.monotonic() + 60
            while process.poll() is None and time.monotonic() < deadline and entries() <= known:
                time.sleep(0.002)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            halfway.append(entries())
        process.wait()
    assert any(0 < n < complete for n in halfway), \
        f"no build was killed with part of its photos cached ({halfway} of {complete}): give it more photos"
    run = built(source, out, "--cache-dir", cache, "--lang", "en")
    assert summary(run)[0] == count
    assert tree(out) == tree(clean)
    again = built(source, tmp_path / "again", "--cache-dir", cache, "--lang", "en")
    assert summary(again) == (count, 0, count)
    assert tree(tmp_path / "again") == tree(clean)


# --- hostile files ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def previous_site(tmp_path_factory):
    """A small site built once (its photo cached): what a refused build must leave untouched."""
    root = tmp_path_factory.mktemp("previous")
    source = new_site(root / "src", {"tas": product("Tas", "tas.jpg")})
    photos.plain_jpeg(source / "content/images/products/tas.jpg")
    built(source, root / "site", "--cache-dir", root / "cache")
    return root


def refused(tmp_path, previous_site, files, lang="en"):
    """Builds the previous site's content plus `files` ({path: maker or text}) over a copy of the
    previous site; checks the build failed and changed nothing; returns the run."""
    source = tmp_path / "src"
    shutil.copytree(previous_site / "src", source)
    for rel, content in files.items():
        path = source / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        else:
            path.write_text(content, encoding="utf-8")
    out = tmp_path / "site"
    shutil.copytree(previous_site / "site", out)
    before = tree(out)
    cache = tmp_path / "cache"
    shutil.copytree(previous_site / "cache", cache)
    run = build(source, out, "--cache-dir", cache, "--lang", lang)
    assert run.returncode == 1, run
    assert tree(out) == before, "a refused build changed the previous site"
    assert not list(tmp_path.glob(".site.staging-*")), "a refused build left its staging folder"
    return run


def error_at(run, location, label="error"):
    lines = [line for line in run.stderr.splitlines() if line.startswith(location) and f": {label}: " in line]
    assert lines, f"no {label} at {location}:\n{run.stderr}"
    return lines


@pytest.mark.parametrize("name", photos.HOSTILE)
def test_a_hostile_file_named_by_a_product_is_refused_quickly_in_little_memory(tmp_path, previous_site, name):
    run = refused(tmp_path, previous_site, {
        f"content/images/products/{name}": photos.HOSTILE[name],
        "content/products/bahaya.md": product("Bahaya", name),
    })
    error_at(run, f"content/products/bahaya.md:{IMAGE_LINE}:")
    # One message a member can act on: no decoder's own warnings around it.
    assert "VIPS" not in run.stderr and "Corrupt JPEG" not in run.stderr, run.stderr
    assert run.seconds < HOSTILE_SECONDS, f"{name}: refused after {run.seconds:.2f} s"
    assert run.peak_mb < HOSTILE_MEGABYTES, f"{name}: peak memory {run.peak_mb:.0f} MB"


def test_a_hostile_file_is_reported_at_its_own_entry_among_good_ones(tmp_path, previous_site):
    run = refused(tmp_path, previous_site, {
        "content/images/products/baik.jpg": lambda p: photos.plain_jpeg(p, (640, 480), seed=41),
        "content/images/products/bom.png": photos.png_bomb,
        "content/products/bahaya.md": product("Bahaya", "baik.jpg", "bom.png"),
    })
    error_at(run, f"content/products/bahaya.md:{IMAGE_LINE + 2}:")
    assert not [line for line in run.stderr.splitlines() if line.startswith(f"content/products/bahaya.md:{IMAGE_LINE}:")]


def test_a_text_file_named_jpg_is_an_error_in_indonesian(tmp_path, previous_site):
    run = refused(tmp_path, previous_site, {
        "content/images/products/catatan.jpg": photos.text_as_jpeg,
        "content/products/catatan.md": product("Catatan", "catatan.jpg"),
    }, lang="id")
    error_at(run, f"content/products/catatan.md:{IMAGE_LINE}:", "galat")


def test_a_bomb_named_by_a_producer_or_a_markdown_body_is_an_error_at_that_line(tmp_path, previous_site):
    run = refused(tmp_path, previous_site, {
        "content/images/producers/bom.png": photos.png_bomb,
        "content/images/news/bom.jpg": photos.jpeg_bomb,
        "content/producers/kelompok-bom.md": '---\nname: "Kelompok Bom"\nvillage: "Sumbermulyo"\nregency: "Banyuwangi"\n'
                                             'image: images/producers/bom.png\n---\nCerita.\n',
        "content/news/2025-01-02-bom.md": '---\ntitle: "Berita Bom"\ndate: 2025-01-02\n---\n![foto](/images/news/bom.jpg)\n',
    })
    error_at(run, "content/producers/kelompok-bom.md:5:")
    error_at(run, "content/news/2025-01-02-bom.md:5:")


def test_a_heic_is_published_as_webp_and_jpeg(tmp_path):
    if not os.access(photos.HEIF_ENC, os.X_OK):
        pytest.skip(f"{photos.HEIF_ENC} missing: install Debian's libheif-examples to make a HEIC photo")
    source = new_site(tmp_path / "src", {"tas": product("Tas", "tas.heic")})
    photos.heic(source / "content/images/products/tas.heic", (1024, 768))
    assert "exif" in photos.metadata((source / "content/images/products/tas.heic").read_bytes())
    out = tmp_path / "site"
    built(source, out, "--lang", "en")
    found, prints = published(out, "products/tas.heic")
    assert len(prints) == 1
    assert sorted(found) == [("jpg", 1024), ("webp", 320), ("webp", 640), ("webp", 1024)]
    for (ext, w), path in found.items():
        data = path.read_bytes()
        assert kind_of(data) == ext and not photos.metadata(data) & photos.PRIVATE, path.name
        with Image.open(path) as image:
            assert image.size == (w, w * 3 // 4) and photos.upright(image), (path.name, image.size)
    assert not list(out.rglob("*.heic"))
    feed = json.loads((out / "products.json").read_text(encoding="utf-8"))["products"]
    assert feed[0]["images"] == [BASE_URL + str(found[("jpg", 1024)].relative_to(out))]


def test_every_image_of_the_committed_site_carries_no_metadata(site):
    checked = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix.lower() in RASTER | {".svg", ".ico"}:
            kinds = photos.metadata(path.read_bytes()) & {"exif", "gps", "xmp", "iptc"}
            assert not kinds, f"{path.relative_to(site)} carries {sorted(kinds)}"
            checked.append(path)
    assert len(checked) >= 20


# --- lapak check and lapak photos --strip ----------------------------------------------------------

def check(source):
    run = lapak("check", "--source", source, "--format", "json", "--lang", "en")
    assert run.returncode in (0, 1), run
    return run, json.loads(run.stdout)


def naming_strip(diagnostics):
    return [d for d in diagnostics if "lapak photos --strip" in f"{d['message']} {d.get('hint') or ''}"]


def test_check_warns_about_gps_and_photos_strip_removes_it(tmp_path):
    source = new_site(tmp_path / "src", {"tas-pandan": product("Tas Pandan", "foto-hp.jpg", "layar.png")})
    photo = source / "content/images/products/foto-hp.jpg"
    screenshot = source / "content/images/products/layar.png"
    photos.phone_jpeg(photo, (3200, 2400), 6, seed=51)
    photos.screenshot_png(screenshot)
    run, diagnostics = check(source)
    assert run.returncode == 0, f"a GPS position is a warning, not an error:\n{run.stdout}\n{run.stderr}"
    warned = naming_strip(diagnostics)
    assert warned and all(d["severity"] == "warning" for d in warned), diagnostics
    assert any("foto-hp.jpg" in d["file"] + d["message"] or d["file"] == "content/products/tas-pandan.md"
               for d in warned), warned
    text = lapak("check", "--source", source)
    assert "lapak photos --strip" in text.stdout + text.stderr and "peringatan" in text.stdout + text.stderr, text

    strip = lapak("photos", "--strip", "--source", source)
    assert strip.returncode == 0, strip
    for path in (photo, screenshot):
        kinds = photos.metadata(path.read_bytes())
        assert not kinds & photos.PRIVATE, f"{path.name} still carries {sorted(kinds & photos.PRIVATE)}"
    with Image.open(photo) as image:
        assert image.format == "JPEG" and image.size == (1800, 2400), image.size
        assert image.getexif().get(0x0112) in (None, 1) and photos.upright(image)
    with Image.open(screenshot) as image:
        assert image.size == (720, 1560) and photos.upright(image)
    run, diagnostics = check(source)
    assert run.returncode == 0 and not naming_strip(diagnostics), diagnostics
    built(source, tmp_path / "site")


def test_check_warns_about_small_photos_and_no_longer_about_large_files(tmp_path):
    source = new_site(tmp_path / "src", {"tas": product("Tas", "besar.jpg")})
    photos.plain_jpeg(source / "content/images/products/besar.jpg", (2400, 1800), seed=52, quality=92, noise=24)
    assert (source / "content/images/products/besar.jpg").stat().st_size > 1 << 20
    run, diagnostics = check(source)
    assert run.returncode == 0 and diagnostics == [], diagnostics
    photos.plain_jpeg(source / "content/images/products/kecil.jpg", (400, 300), seed=53)
    (source / "content/products/kecil.md").write_text(product("Kecil", "kecil.jpg"), encoding="utf-8")
    run, diagnostics = check(source)
    assert run.returncode == 0 and len(diagnostics) == 1, diagnostics
    [warning] = diagnostics
    assert warning["severity"] == "warning" and "500" in f"{warning['message']} {warning.get('hint') or ''}", warning


@pytest.mark.parametrize("kind", ["jpeg", "heic"])
def test_new_product_stores_a_safe_original(tmp_path, kind):
    source = new_site(tmp_path / "src")
    if kind == "heic":
        if not os.access(photos.HEIF_ENC, os.X_OK):
            pytest.skip(f"{photos.HEIF_ENC} missing: install Debian's libheif-examples to make a HEIC photo")
        given = tmp_path / "IMG_0001.HEIC"
        photos.heic(given, (2600, 1950))
        expected = (2400, 1800)
    else:
        given = tmp_path / "IMG_20251120_101500.jpg"
        photos.phone_jpeg(given, (3200, 2400), 6, seed=54)
        expected = (1800, 2400)
    run = lapak("new", "product", "Tas Foto HP", "--producer", "desbumi-kedunggebang", "--category", "tas-anyaman",
                "--image", given, "--source", source)
    assert run.returncode == 0, run
    stored = source / "content/images/products/tas-foto-hp.jpg"
    assert stored.is_file(), sorted(p.name for p in (source / "content/images/products").iterdir())
    data = stored.read_bytes()
    assert kind_of(data) == "jpg" and not photos.metadata(data) & photos.PRIVATE
    with Image.open(stored) as image:
        assert image.size == expected and photos.upright(image), image.size
    assert "images/products/tas-foto-hp.jpg" in (source / "content/products/tas-foto-hp.md").read_text(encoding="utf-8")
