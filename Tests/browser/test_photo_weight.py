"""Photo weight on a cheap phone: /produk/ listing 24 products, each with its own 4000×3000 phone
photo of 2-3 MB, opened in headless Chromium as a 360×740 screen at device pixel ratio 2, served
over HTTP (Resource Timing gives no sizes for file:// URLs). The photos the browser fetches weigh
at most 300 KB before the buyer scrolls and 1 MB once every card has been seen, and each is a
WebP of a width its srcset offers, never the largest: the srcset and sizes of the cards work."""
import os
import pathlib
import subprocess
import sys
import time
import urllib.parse

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests" / "python"))
import photo_fixtures as photos  # noqa: E402

LAPAK = pathlib.Path(os.environ.get("LAPAK_BIN", REPO / ".build" / "debug" / "lapak"))
PHONE = {"width": 360, "height": 740, "pixelRatio": 2.0}
PRODUCTS = 24  # one full page of /produk/
BEFORE_SCROLL = 300 * 1024
AFTER_SCROLL = 1024 * 1024
PHOTO = (".webp", ".jpg", ".jpeg", ".png", ".gif", ".avif")

# Photo resources the page fetched: [URL, encodedBodySize, transferSize].
RESOURCES = """
return performance.getEntriesByType('resource')
  .filter(e => e.initiatorType === 'img' || /\\.(webp|jpe?g|png|gif|avif|svg)$/i.test(new URL(e.name).pathname))
  .map(e => [e.name, e.encodedBodySize, e.transferSize]);
"""
# [resources so far, images that have started loading and not finished].
PENDING = """
return [performance.getEntriesByType('resource').length,
        [...document.images].filter(i => i.currentSrc && !i.complete).length,
        document.readyState];
"""
# Every photo in a <picture>: what it loaded, whether it finished, and what its WebP source offers.
PICTURES = """
return [...document.querySelectorAll('picture')].map(p => {
  const img = p.querySelector('img'), webp = p.querySelector('source[type="image/webp"]');
  return {src: img.currentSrc, complete: img.complete, natural: img.naturalWidth,
          srcset: webp ? webp.getAttribute('srcset') : null, sizes: webp ? webp.getAttribute('sizes') : null};
});
"""


@pytest.fixture(scope="session")
def phone_photos(tmp_path_factory):
    """24 seeded phone photos, 4000×3000 as stored, 2-3 MB each; every third held upright (EXIF
    orientation 6). Made once a session."""
    folder = tmp_path_factory.mktemp("phone-photos")
    made = []
    for n in range(PRODUCTS):
        path = folder / f"foto-{n:02d}.jpg"
        photos.phone_jpeg(path, (4000, 3000), orientation=6 if n % 3 == 0 else 1, seed=100 + n, quality=90, noise=20)
        assert 2_000_000 <= path.stat().st_size <= 3_200_000, (path.name, path.stat().st_size)
        made.append(path)
    return made


@pytest.fixture(scope="module")
def weight_site(tmp_path_factory, phone_photos):
    """A site of 24 products, one photo each, built with the lapak binary under test."""
    assert LAPAK.exists(), f"{LAPAK} missing: run `swift build --product lapak` first"
    root = tmp_path_factory.mktemp("photo-weight")
    content = root / "src" / "content"
    (content / "images/products").mkdir(parents=True)
    (content / "products").mkdir()
    (content / "producers").mkdir()
    (content / "site.yml").write_text('title: "Lapak Foto HP"\nbase_url: "https://foto.example.org/"\n'
                                      'categories:\n  tas-anyaman: "Tas Anyaman"\n', encoding="utf-8")
    (content / "producers/desbumi-kedunggebang.md").write_text(
        '---\nname: "Desbumi Kedunggebang"\nvillage: "Kedunggebang"\nregency: "Banyuwangi"\n'
        'whatsapp: "0812-0000-0101"\n---\nKelompok penganyam.\n', encoding="utf-8")
    for n, photo in enumerate(phone_photos):
        (content / "images/products" / photo.name).write_bytes(photo.read_bytes())
        (content / f"products/tas-{n:02d}.md").write_text(
            f'---\ntitle: "Tas Anyaman {n:02d}"\nprice: {85000 + n * 1000}\ncategory: tas-anyaman\n'
            f'producer: desbumi-kedunggebang\nimages:\n  - src: images/products/{photo.name}\n'
            f'    alt: "Tas anyaman nomor {n}"\n---\nTas anyaman pandan.\n', encoding="utf-8")
    out = root / "site"
    done = subprocess.run([str(LAPAK), "build", "--source", str(root / "src"), "--output", str(out),
                           "--cache-dir", str(root / "cache")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def weight_server(weight_site, serve_folder):
    return serve_folder(weight_site)


@pytest.fixture(scope="module")
def phone(make_chrome):
    """Headless Chromium as the tier makes it, emulating a 360×740 phone at 2× pixels."""
    browser = make_chrome(device=PHONE)
    yield browser
    browser.quit()


def settle(driver, quiet=0.6, limit=30):
    """Waits until the page has loaded, no image is loading and no resource has appeared for `quiet`
    seconds (lazy images start a moment after they come near the screen)."""
    deadline = time.monotonic() + limit
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = driver.execute_script(PENDING)
        if state != last:
            last, since = state, time.monotonic()
        elif state[1] == 0 and state[2] == "complete" and time.monotonic() - since >= quiet:
            return
        time.sleep(0.05)
    raise AssertionError(f"images still loading after {limit} s: {last}")


def fetched(driver, site):
    """{URL: bytes} of the photos fetched so far; each size checked against the file served."""
    sizes = {}
    for url, encoded, transfer in driver.execute_script(RESOURCES):
        path = site / urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
        size = encoded or transfer
        assert path.is_file(), url
        assert size == path.stat().st_size, f"{url}: Resource Timing says {size} bytes, the file has {path.stat().st_size}"
        assert url not in sizes, f"{url} fetched twice"
        sizes[url] = size
    return sizes


def widths(srcset):
    return {url.strip(): int(w[:-1]) for url, w in (c.strip().rsplit(None, 1) for c in srcset.split(","))}


def test_product_list_photos_fit_a_phone_budget(phone, weight_server, weight_site):
    phone.get(weight_server + "/produk/")
    assert phone.execute_script("return [window.devicePixelRatio, window.innerWidth]") == [2, 360]
    settle(phone)
    before = fetched(phone, weight_site)
    assert before, "no photo loaded before scrolling"
    assert sum(before.values()) <= BEFORE_SCROLL, \
        f"{sum(before.values())} bytes of photos before scrolling ({len(before)} photos): budget {BEFORE_SCROLL}"

    height = phone.execute_script("return window.innerHeight")
    for _ in range(200):
        at_end = phone.execute_script(
            "return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1")
        if at_end:
            break
        phone.execute_script("window.scrollBy(0, arguments[0])", int(height * 0.75))
        settle(phone, quiet=0.3)
    else:
        raise AssertionError("the page never ended")
    settle(phone)
    after = fetched(phone, weight_site)
    total = sum(after.values())
    assert total <= AFTER_SCROLL, f"{total} bytes of photos after scrolling ({len(after)} photos): budget {AFTER_SCROLL}"

    pictures = phone.execute_script(PICTURES)
    assert len(pictures) == PRODUCTS, f"{len(pictures)} photos on /produk/, expected one per product"
    assert all(p["complete"] and p["natural"] > 0 for p in pictures), "a card photo never loaded"
    photo_urls = {url for url in after if urllib.parse.urlsplit(url).path.startswith("/images/")}
    assert photo_urls == {p["src"] for p in pictures}, "photos fetched besides the one each card shows"
    for p in pictures:
        assert p["srcset"] and p["sizes"], p
        offered = {urllib.parse.urljoin(weight_server + "/produk/", url): w for url, w in widths(p["srcset"]).items()}
        assert p["src"].endswith(".webp"), f"{p['src']}: not a WebP"
        assert p["src"] in offered, f"{p['src']} is not in its srcset {sorted(offered.values())}"
        assert offered[p["src"]] < max(offered.values()), \
            f"{p['src']}: the largest width of {sorted(offered.values())} for a card 180 px wide"
