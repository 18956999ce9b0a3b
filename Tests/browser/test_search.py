"""Search as you type over products and news, ignoring case and accents."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def results(driver):
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-search-status]").text)
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "[data-search-results] li > a")]


def ecoprint_products(products):
    return {p["title"] for p in products if p["category"] == "batik-ecoprint" or "ecoprint" in p["tags"]}


def test_typing_ecoprint_finds_the_batik_ecoprint_products(visit, products, screenshot):
    driver = visit("/cari/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("ecoprint")
    found = results(driver)
    expected = ecoprint_products(products)
    assert len(expected) >= 4
    assert expected <= set(found), expected - set(found)
    assert "?q=ecoprint" in driver.current_url
    screenshot(driver, "search-ecoprint")
    visit.assert_clean()


def test_case_and_accents_do_not_matter(visit, products):
    driver = visit("/cari/?q=%C3%89COPR%C3%8DNT")  # ÉCOPRÍNT
    assert set(results(driver)) >= ecoprint_products(products)
    visit.assert_clean()


def test_news_is_found_and_nonsense_finds_nothing(visit):
    driver = visit("/cari/?q=sarangan")
    assert any("Ponorogo" in title or "Sarangan" in title for title in results(driver))
    driver = visit("/cari/?q=zzzqqq")
    assert results(driver) == []
    assert "zzzqqq" in driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text
    visit.assert_clean()


def test_index_is_small_and_folded(built):
    import json
    entries = json.loads((built / "cari" / "index.json").read_text(encoding="utf-8"))
    assert {e["k"] for e in entries} == {"product", "news"}
    for entry in entries:
        assert entry["s"] == entry["s"].lower() and entry["t"] and entry["u"].startswith("/")
    assert (built / "cari" / "index.json").stat().st_size < 400 * len(entries)


def test_a_term_matches_at_the_start_of_words_and_products_come_first(visit, products):
    driver = visit("/cari/?q=tas")
    found = results(driver)
    # "komunitas" contains "tas" but does not start with it: that article is not a hit.
    assert "Lima KOPI Blitar Menyusun Strategi Usaha Komunitas untuk 2026" not in found
    bags = {p["title"] for p in products if any(w.lower().startswith("tas") for w in p["title"].split())}
    assert bags and bags <= set(found)
    # Every product hit comes before every news hit.
    kinds = ["news" if li.text.startswith("Berita") else "product"
             for li in driver.find_elements(By.CSS_SELECTOR, "[data-search-results] li .meta")]
    assert kinds == sorted(kinds, key=lambda kind: kind == "news"), kinds
