"""axe-core (bundled by axe-selenium-python) finds no violation on the pages buyers use most."""
import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

PAGES = {
    "home": "/",
    "product": "/produk/kain-batik-ecoprint-sidomulyo/",
    "list": "/kategori/batik-ecoprint/",
    "producer": "/komunitas/desbumi-sidomulyo/",
    "article": "/berita/workshop-manajemen-bisnis-purna-pmi-jember/",
    "cart": "/keranjang/",
    "search": "/cari/?q=ecoprint",
    "price list": "/katalog/cetak/",
    "labels": "/katalog/label/",
    # The English pages: translated, and shown untranslated with its notice.
    "english home": "/en/",
    "english product": "/en/produk/tas-anyaman-pandan-kedunggebang/",
    "english untranslated product": "/en/produk/beras-gogodeso/",
    "english article": "/en/berita/strategi-usaha-komunitas-blitar-2026/",
    "english about": "/en/tentang/",
}


def check(driver):
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, axe.report(violations)


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(visit, name):
    driver = visit(PAGES[name])
    if name == "cart":  # the cart as a buyer sees it: with two producers' items in it
        visit(PAGES["product"])
        driver.find_element(By.CSS_SELECTOR, "form[data-cart-add] button").click()
        visit("/produk/tas-tote-ecoprint/")
        driver.find_element(By.CSS_SELECTOR, "form[data-cart-add] button").click()
        visit(PAGES["cart"])
        assert len(driver.find_elements(By.CSS_SELECTOR, "a[data-send]")) == 2
    check(driver)
    visit.assert_clean()
    driver.execute_script("localStorage.clear()")


def test_focus_is_visible(visit):
    driver = visit(PAGES["product"])
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)  # the keyboard, so :focus-visible applies
    focused = driver.switch_to.active_element
    assert "skip" in focused.get_attribute("class")
    assert focused.value_of_css_property("outline-style") != "none"
    assert focused.value_of_css_property("outline-width") not in ("0px", "")
