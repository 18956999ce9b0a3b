"""Pages as a buyer's phone shows them: no console error, nothing fetched from elsewhere, usable
from 320 px wide, and still complete with JavaScript off."""
import pytest
from selenium.webdriver.common.by import By

PAGES = {
    "home": "/",
    "product": "/produk/kain-batik-ecoprint-sidomulyo/",
    "category": "/kategori/batik-ecoprint/",
    "products": "/produk/",
    "producer": "/komunitas/desbumi-sidomulyo/",
    "news": "/berita/",
    "article": "/berita/workshop-manajemen-bisnis-purna-pmi-jember/",
    "tag": "/tag/ecoprint/",
    "page": "/tentang/",
    "search": "/cari/",
    "cart": "/keranjang/",
    "not-found": "/tidak-ada/",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_cleanly_and_fits_320_px(visit, screenshot, name):
    driver = visit(PAGES[name])
    assert driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_elements(By.CSS_SELECTOR, "header nav a"), "main menu missing"
    screenshot(driver, name)
    driver.set_window_size(320, 640)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} is {overflow}px wider than a 320 px screen"
    visit.assert_clean(missing=PAGES[name] if name == "not-found" else None)


def test_product_page_has_what_a_buyer_checks(visit):
    driver = visit(PAGES["product"])
    photo = driver.find_element(By.CSS_SELECTOR, ".gallery img")
    assert photo.get_attribute("alt") and photo.get_attribute("width") and photo.get_attribute("height")
    assert photo.get_attribute("loading") != "lazy", "the first photo is on the first screen"
    related = driver.find_elements(By.CSS_SELECTOR, "[aria-labelledby=h-related] img")
    assert related and all(img.get_attribute("loading") == "lazy" for img in related)
    order = driver.find_element(By.CSS_SELECTOR, "a.button[href^='https://wa.me/6281200000113?text=']")
    assert order.is_displayed()
    share = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".share a")]
    assert any(h.startswith("https://wa.me/?text=") for h in share)
    assert any(h.startswith("https://www.facebook.com/sharer/") for h in share)
    crumbs = driver.find_elements(By.CSS_SELECTOR, ".crumbs li")
    assert [c.text for c in crumbs][:2] == ["Beranda", "Batik Ecoprint"]
    maker = driver.find_element(By.CSS_SELECTOR, ".maker a").get_attribute("href")
    assert maker.endswith("/komunitas/desbumi-sidomulyo/")
    assert driver.find_element(By.CSS_SELECTOR, "form[data-cart-add]").is_displayed()
    visit.assert_clean()


def test_list_pages_paginate(visit):
    driver = visit("/produk/")
    pager = driver.find_elements(By.CSS_SELECTOR, ".pager a[rel=next]")
    cards = driver.find_elements(By.CSS_SELECTOR, ".cards .card")
    assert cards and all(c.find_element(By.CSS_SELECTOR, ".price").text.startswith(("Rp", "mulai Rp")) for c in cards)
    if pager:  # 24 a page: the sample has more than one page only once it grows
        pager[0].click()
        assert "/produk/halaman/2/" in driver.current_url
        assert driver.find_element(By.CSS_SELECTOR, ".pager a[rel=prev]")
    visit.assert_clean()


def test_without_javascript_every_page_still_works(driver_without_js, server):
    driver = driver_without_js
    driver.get(server + PAGES["product"])
    assert not driver.find_element(By.CSS_SELECTOR, "form[data-cart-add]").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "a.button[href^='https://wa.me/']").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, "[data-cart-link]").is_displayed()
    driver.get(server + PAGES["cart"])
    assert driver.find_element(By.CSS_SELECTOR, "[data-nojs]").is_displayed()
    driver.get(server + PAGES["search"] + "?q=ecoprint")
    assert driver.find_element(By.CSS_SELECTOR, "[data-nojs]").is_displayed()
    assert len(driver.find_elements(By.CSS_SELECTOR, ".chips a")) > 3, "categories to browse instead"
