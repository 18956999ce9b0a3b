"""The cart: products from two producers end in two WhatsApp messages, one per producer."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select


def rupiah(amount):
    return "Rp " + f"{amount:,}".replace(",", ".")


def add(driver, variant=None, quantity=1):
    form = driver.find_element(By.CSS_SELECTOR, "form[data-cart-add]")
    if variant:
        Select(form.find_element(By.NAME, "variant")).select_by_value(variant)
    field = form.find_element(By.NAME, "qty")
    field.clear()
    field.send_keys(str(quantity))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert form.find_element(By.CSS_SELECTOR, "[data-cart-status] a").get_attribute("href").endswith("/keranjang/")


def send_links(driver):
    """{number: decoded message} of every Send order link on the cart page."""
    links = {}
    for link in driver.find_elements(By.CSS_SELECTOR, "a[data-send]"):
        url = urllib.parse.urlsplit(link.get_attribute("href"))
        assert url.scheme == "https" and url.netloc == "wa.me"
        links[url.path.strip("/")] = urllib.parse.parse_qs(url.query)["text"][0]
    return links


def path(product):
    return urllib.parse.urlsplit(product["url"]).path


def number_of(product):
    return urllib.parse.urlsplit(product["order_url"]).path.strip("/")


def test_two_producers_get_one_message_each(visit, products, screenshot):
    by_id = {p["id"]: p for p in products}
    kain, dompet, tote = by_id["kain-batik-ecoprint-sidomulyo"], by_id["dompet-ecoprint-sidomulyo"], by_id["tas-tote-ecoprint"]
    assert kain["producer"]["id"] == dompet["producer"]["id"] != tote["producer"]["id"]
    sutra = next(v for v in kain["variants"] if v["name"].startswith("Sutra"))

    driver = visit("/keranjang/")
    driver.execute_script("localStorage.clear()")
    visit(path(kain))
    add(driver, variant=sutra["name"], quantity=2)
    visit(path(dompet))
    add(driver)
    visit(path(tote))
    add(driver, quantity=3)
    assert driver.find_element(By.CSS_SELECTOR, "[data-cart-count]").text == "6"

    visit("/keranjang/")
    links = send_links(driver)
    assert set(links) == {number_of(kain), number_of(tote)}
    first, second = links[number_of(kain)], links[number_of(tote)]
    assert first.startswith(f"Halo {kain['producer']['name']},")
    assert f"{kain['title']} ({sutra['name']}) × 2 @ {rupiah(sutra['price'])} = {rupiah(2 * sutra['price'])}" in first
    assert f"{dompet['title']} × 1 @ {rupiah(dompet['price'])} = {rupiah(dompet['price'])}" in first
    assert f"Total: {rupiah(2 * sutra['price'] + dompet['price'])}" in first
    assert tote["title"] not in first
    assert second.startswith(f"Halo {tote['producer']['name']},")
    assert f"{tote['title']} × 3 @ {rupiah(tote['price'])} = {rupiah(3 * tote['price'])}" in second
    assert f"Total: {rupiah(3 * tote['price'])}" in second
    screenshot(driver, "cart-filled")

    # Changing a quantity or removing a line rewrites the message.
    field = driver.find_element(By.CSS_SELECTOR, f"input[data-id='{tote['id']}|']")
    field.send_keys(Keys.CONTROL, "a")  # not clear(): it fires a change that redraws the cart
    field.send_keys("1", Keys.TAB)
    assert f"Total: {rupiah(tote['price'])}" in send_links(driver)[number_of(tote)]
    driver.find_element(By.CSS_SELECTOR, f"button[data-remove='{dompet['id']}|']").click()
    assert dompet["title"] not in send_links(driver)[number_of(kain)]
    assert driver.find_element(By.CSS_SELECTOR, "[data-cart-count]").text == "3"
    visit.assert_clean()
    driver.execute_script("localStorage.clear()")


def order_message(link):
    url = urllib.parse.urlsplit(link.get_attribute("href"))
    return urllib.parse.parse_qs(url.query)["text"][0]


def test_the_whatsapp_button_follows_the_chosen_variant_and_quantity(visit, products):
    kain = next(p for p in products if p["id"] == "kain-batik-ecoprint-sidomulyo")
    sutra = next(v for v in kain["variants"] if v["name"].startswith("Sutra"))
    driver = visit(path(kain))
    button = driver.find_element(By.CSS_SELECTOR, "a[data-order-link]")
    form = driver.find_element(By.CSS_SELECTOR, "form[data-cart-add]")
    Select(form.find_element(By.NAME, "variant")).select_by_value(sutra["name"])
    field = form.find_element(By.NAME, "qty")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("3")
    message = order_message(button)
    assert message.startswith(f"Halo {kain['producer']['name']},"), message
    assert f"3 × {kain['title']} ({sutra['name']}) ({rupiah(3 * sutra['price'])})" in message, message
    assert kain["url"] in message
    visit.assert_clean()


def test_without_javascript_each_variant_has_its_own_order_link(built, products):
    kain = next(p for p in products if p["id"] == "kain-batik-ecoprint-sidomulyo")
    page = (built / path(kain).strip("/") / "index.html").read_text(encoding="utf-8")
    for variant in kain["variants"]:
        expected = urllib.parse.quote(f"{kain['title']} ({variant['name']}) ({rupiah(variant['price'])})", safe="")
        assert expected in page.replace("&amp;", "&"), variant["name"]
