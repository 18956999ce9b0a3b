"""The catalogs and structured data of the sample site and of a generated 2,000-product site, read
by the channels' published rules (channel_rules.py); and each rule shown to catch what it names."""
import subprocess
import sys

import pytest

import channel_rules
from hostile import LAPAK, REPO


def test_the_sample_site_passes_every_published_rule(site):
    assert channel_rules.problems(site) == []


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """2,000 products from the benchmark's generator (tables, lists, variants, made to order)."""
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(REPO / "Benchmarks/site/make_corpus.py"), str(root / "src"),
                    "--products", "2000", "--news", "20"], check=True, capture_output=True)
    done = subprocess.run([str(LAPAK), "build", "--source", str(root / "src"), "--output", str(root / "out")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return root / "out"


def test_a_generated_2000_product_site_passes_every_published_rule(generated):
    found = channel_rules.problems(generated)
    assert found == [], f"{len(found)} problems, first: {found[:5]}"


def test_the_generated_site_has_what_the_rules_are_about(generated):
    """Tables in descriptions, variant groups and made-to-order items: the rules have work to do."""
    xml = (generated / "katalog.xml").read_text(encoding="utf-8")
    assert xml.count("<g:item_group_id>") > 300 and xml.count("<g:min_handling_time>") > 50
    assert xml.count("Ukuran: ") > 300


BROKEN = {
    "table": ("<g:description>Tas.\n| Ukuran | Harga |\n|---|---|\n| S | Rp 1 |</g:description>", "Markdown table"),
    "preorder": ("<g:availability>preorder</g:availability>", "preorder without"),
    "zero": ("<g:price>0.00 IDR</g:price>", "not a positive amount"),
    "title": ("<g:title>" + "x" * 151 + "</g:title>", "title over 150"),
    "svg": ("<g:image_link>https://uji.example.org/tas.svg</g:image_link>", "not a JPEG or PNG"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_google_rule_catches_what_it_names(tmp_path, site, case):
    """The checker is no rubber stamp: a catalog item broken one way gets that rule's message."""
    element, message = BROKEN[case]
    tag = element[1:element.index(">")]
    xml = (site / "katalog.xml").read_text(encoding="utf-8")
    start = xml.index("<" + tag + ">")
    broken = xml[:start] + element + xml[xml.index("</" + tag + ">", start) + len(tag) + 3:]
    (tmp_path / "katalog.xml").write_text(broken, encoding="utf-8")
    found = channel_rules.google_problems(tmp_path)
    assert found and all(message in problem for problem in found), found


def test_variants_sharing_one_link_and_loose_offers_are_caught(tmp_path, site):
    xml = (site / "katalog.xml").read_text(encoding="utf-8")
    (tmp_path / "katalog.xml").write_text(xml.replace("?varian=", "?x=").replace("#varian-", "#").replace(
        "katun-2-meter", "k").replace("sutra-2-meter", "k"), encoding="utf-8")
    assert any("share one link" in p for p in channel_rules.google_problems(tmp_path))
    page = tmp_path / "produk/x/index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<script type="application/ld+json">{"@type": "Product", "name": "X", "image": ["a.jpg"], '
                    '"offers": [{"price": "1"}, {"price": "2"}]}</script>', encoding="utf-8")
    assert channel_rules.structured_data_problems(tmp_path) == ["produk/x/index.html: a Product with a list of loose "
                                                                "offers (variants belong in a ProductGroup)"]
