"""The price list and the shelf labels on paper: each page printed to PDF by Chromium at A4 (its
print style sheet, as a member's Ctrl+P gives it), rasterised by poppler's pdftoppm, and every QR
code read back by zbar, a real decoder; each address it holds leads to its product."""
import base64
import json
import re
import subprocess
import time

import pytest

SHORT = re.compile(r"^https://lapak\.example\.org/p/([0-9a-z]{6})/$")
A4_POINTS = (595, 842)


def printed(driver, url, folder, name):
    """The page as Chromium prints it: A4 from the page's own @page rule, colours kept."""
    driver.get(url)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    path = folder / f"{name}.pdf"
    path.write_bytes(base64.b64decode(pdf["data"]))
    return path


def page_count_and_size(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
    return pages, (round(width), round(height))


def decoded(pdf, folder):
    """Every QR code zbar finds on the pages rasterised at 200 dpi, page by page."""
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(prefix)], check=True)
    pages = []
    for png in sorted(folder.glob(pdf.stem + "-*.png")):
        done = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                              capture_output=True, text=True)
        # zbarimg exits 4 when a page holds no symbol at all.
        assert done.returncode in (0, 4), done.stderr
        pages.append(done.stdout.split())
    return pages


def page_texts(pdf, pages):
    """Each page's text with white space made single spaces (rows wrap differently on paper)."""
    texts = []
    for number in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        texts.append(" ".join(text.split()))
    return texts


def leads_to_product(built, address, products_by_url):
    """The short page forwards without JavaScript (meta refresh and a link) to a product, is not indexed."""
    code = SHORT.match(address).group(1)
    page = (built / "p" / code / "index.html").read_text(encoding="utf-8")
    target = re.search(r'<meta http-equiv="refresh" content="0; url=(/produk/[^"]+/)">', page).group(1)
    assert f'<a class="button" href="{target}">' in page
    assert '<meta name="robots" content="noindex">' in page
    return products_by_url["https://lapak.example.org" + target]


@pytest.fixture(scope="module")
def products_by_url(products):
    return {p["url"]: p for p in products}


def test_price_list_prints_on_a4_and_every_code_reads_back_to_its_product(built, server, driver, tmp_path, products,
                                                                          products_by_url):
    pdf = printed(driver, server + "/katalog/cetak/", tmp_path, "daftar")
    pages, size = page_count_and_size(pdf)
    assert size == A4_POINTS and pages >= 2
    found = [address for page in decoded(pdf, tmp_path) for address in page]
    assert len(found) == len(products) == len(set(found))
    assert {leads_to_product(built, address, products_by_url)["id"] for address in found} == {p["id"] for p in products}
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "/p/" not in sitemap and "/cetak/" not in sitemap and "/katalog/label/" not in sitemap


def test_no_row_of_the_price_list_is_split_across_pages(built, server, driver, tmp_path, products):
    pdf = printed(driver, server + "/katalog/cetak/", tmp_path, "daftar")
    pages, _ = page_count_and_size(pdf)
    texts = page_texts(pdf, pages)
    codes = decoded(pdf, tmp_path)
    for product in products:
        title = " ".join(product["title"].split())
        on = [n for n, text in enumerate(texts) if title in text]
        assert len(on) == 1, (title, on)
        # The row's QR code, and the short address printed under it, are on the page of its name.
        page = on[0]
        addresses = [a for a in codes[page] if (built / "p" / SHORT.match(a).group(1) / "index.html").read_text(
            encoding="utf-8").count(f'url=/produk/{product["id"]}/"') == 1]
        assert len(addresses) == 1, title
        assert addresses[0].removeprefix("https://") in texts[page]
    assert "Harga berlaku s/d" in texts[0]


def test_each_producer_has_its_own_price_list(built, server, driver, tmp_path, products, products_by_url):
    producer = "kopi-gogodeso"
    pdf = printed(driver, server + f"/komunitas/{producer}/cetak/", tmp_path, producer)
    found = [address for page in decoded(pdf, tmp_path) for address in page]
    own = {p["id"] for p in products if p["producer"]["id"] == producer}
    assert own and {leads_to_product(built, a, products_by_url)["id"] for a in found} == own


def test_label_sheet_holds_21_labels_a_page_and_every_code_reads_back(built, server, driver, tmp_path, products,
                                                                      products_by_url):
    pdf = printed(driver, server + "/katalog/label/", tmp_path, "label")
    pages, size = page_count_and_size(pdf)
    assert size == A4_POINTS
    per_page = decoded(pdf, tmp_path)
    assert pages == -(-len(products) // 21) and [len(codes) for codes in per_page[:-1]] == [21] * (pages - 1)
    found = [address for codes in per_page for address in codes]
    assert {leads_to_product(built, a, products_by_url)["id"] for a in found} == {p["id"] for p in products}


def test_a_short_address_opens_the_product_without_javascript(built, server, driver_without_js):
    short = sorted((built / "p").glob("*/index.html"))[0]
    target = re.search(r'url=(/produk/[^"]+/)"', short.read_text(encoding="utf-8")).group(1)
    driver_without_js.get(server + "/p/" + short.parent.name + "/")
    deadline = time.time() + 10
    while not driver_without_js.current_url.endswith(target) and time.time() < deadline:
        time.sleep(0.1)
    assert driver_without_js.current_url == server + target
