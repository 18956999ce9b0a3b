"""A variant's own link (as the catalogs give it) opens its product's page with that variant
chosen: the picker with JavaScript, the variant's row marked and in view without it. Google asks
the landing page of a variant to show that variant's price."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def variant_links(products):
    return [(p, v) for p in products for v in p["variants"] if len(p["variants"]) > 1]


def local(server, url):
    parts = urllib.parse.urlsplit(url)
    return server + parts.path + "?" + parts.query + "#" + parts.fragment


def test_with_javascript_the_picker_shows_the_variant_and_its_price(server, driver, products):
    checked = 0
    for product, variant in variant_links(products):
        driver.get(local(server, variant["url"]))
        forms = driver.find_elements(By.CSS_SELECTOR, "form[data-cart-add]")
        if not forms or not forms[0].is_displayed():
            continue  # out of stock: no picker, the row below still marks the variant
        option = Select(forms[0].find_element(By.NAME, "variant")).first_selected_option
        assert option.get_attribute("value") == variant["name"], variant["url"]
        assert option.get_attribute("data-price") == str(variant["price"])
        checked += 1
    assert checked >= 10


def test_without_javascript_the_variants_row_is_marked_with_its_price(server, driver_without_js, products):
    checked = 0
    for product, variant in variant_links(products):
        driver_without_js.get(local(server, variant["url"]))
        row = driver_without_js.find_element(By.CSS_SELECTOR, ".variants tr:target")
        assert row.find_element(By.CSS_SELECTOR, "th").text.endswith(variant["name"])
        price = "Rp " + f"{variant['price']:,}".replace(",", ".")
        assert price in row.text
        # Marked: the style sheet gives the chosen row its own background.
        others = driver_without_js.find_elements(By.CSS_SELECTOR, ".variants tr:not(:target)")
        assert others and row.value_of_css_property("background-color") != others[0].value_of_css_property("background-color")
        checked += 1
    assert checked >= 10
