"""The hostile-content corpus: every case builds a small site with the real `lapak` binary and must
end in its safe outcome (a clean site, a warning that names the content, or an error that names
the file and leaves the previous site as it was). Every page of every site that builds is read
with Python's HTML tokenizer: no element, attribute, script or URL may have come from data."""
import hashlib
import json
import shutil
import subprocess

import pytest
from lxml import etree

import hostile
from hostile import LAPAK, REPO

CASES = hostile.cases()


def lapak(source, out):
    assert LAPAK.exists(), f"{LAPAK} missing: run `swift build --product lapak` first"
    return subprocess.run([str(LAPAK), "build", "--source", str(source), "--output", str(out), "--lang", "en"],
                          capture_output=True, text=True, timeout=120)


def tree(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def theme_markup(tmp_path_factory):
    """Every (element, attribute) the theme makes, from a build of the repository's own content."""
    out = tmp_path_factory.mktemp("reference") / "site"
    done = lapak(REPO, out)
    assert done.returncode == 0, done.stderr
    markup = set()
    for page in out.rglob("*.html"):
        markup |= hostile.markup_of(hostile.Page(page.read_text(encoding="utf-8")))
    return markup


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory):
    """The base site built once: what a failed build must leave untouched."""
    root = tmp_path_factory.mktemp("previous")
    source = root / "src"
    hostile.write_site(source, _empty_case(), root)
    out = root / "site"
    done = lapak(source, out)
    assert done.returncode == 0, done.stderr
    return out


def _empty_case():
    case = hostile.Case.__new__(hostile.Case)
    case.files, case.links = {}, {}
    return case


def test_the_corpus_covers_every_category():
    assert len(CASES) >= 40
    kinds = {case.expect[0] for case in CASES}
    assert kinds == {"built", "error", "warning"}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case, tmp_path, theme_markup, previous_site):
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "secret.md").write_text("---\ntitle: rahasia\n---\nRAHASIA-DI-LUAR\n")
    (outside / "sub" / "foto.jpg").write_bytes(hostile.TINY_JPEG)
    source = tmp_path / "src"
    hostile.write_site(source, case, outside)
    out = tmp_path / "site"
    shutil.copytree(previous_site, out)
    before = tree(out)
    done = lapak(source, out)
    kind, location, message = case.expect
    if kind == "error":
        assert done.returncode == 1, f"{case.name} built:\n{done.stderr}"
        wanted = [line for line in done.stderr.splitlines()
                  if line.startswith(location) and ": error: " in line and message in line]
        assert wanted, f"{case.name}: no error at {location} saying {message!r}:\n{done.stderr}"
        assert tree(out) == before, "a failed build changed the previous site"
        assert not list(tmp_path.glob(".site.staging-*")), "a failed build left its staging folder"
        return
    assert done.returncode == 0, f"{case.name} did not build:\n{done.stderr}"
    if kind == "warning":
        wanted = [line for line in done.stderr.splitlines()
                  if line.startswith(location) and ": warning: " in line and message in line]
        assert wanted, f"{case.name}: no warning at {location} saying {message!r}:\n{done.stderr}"
    found = []
    for page in sorted(out.rglob("*.html")):
        parsed = hostile.Page(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(out)}: {p}" for p in hostile.problems(parsed, theme_markup)]
        assert "RAHASIA-DI-LUAR" not in page.read_text(encoding="utf-8")
    assert not found, "\n".join(found)
    for name in ("products.json", "feed.json"):
        json.loads((out / name).read_text(encoding="utf-8"))
    for name in ("atom.xml", "katalog.xml", "sitemap.xml"):
        etree.fromstring((out / name).read_bytes())
    for page, text in case.texts:
        parsed = hostile.Page((out / page).read_text(encoding="utf-8"))
        assert any(text in t for t in parsed.texts), f"{page} does not show {text!r} as text"


@pytest.mark.parametrize("markup", [
    '<p><b onmouseover="x">a</b></p>',
    '<a href="javascript:alert(1)">a</a>',
    '<a href=" JAVA\tSCRIPT:alert(1)">a</a>',
    '<img src="data:image/svg+xml,x">',
    '<img srcset="/a.jpg 1x, vbscript:x 2x">',
    '<meta property="og:image" content="javascript:x">',
    '<script>alert(1)</script>',
    '<script type="application/ld+json">{"a": "</b>"}</script>',
    '<script type="application/ld+json">{"a": </script>',
    '<p style="x">a</p>',
    '<marquee>a</marquee>',
])
def test_the_page_check_finds_what_it_looks_for(markup, theme_markup):
    assert hostile.problems(hostile.Page(markup), theme_markup)


def test_a_wrong_expectation_fails(tmp_path, previous_site):
    case = hostile.Case(hostile.CORPUS / "yaml-duplicate-key.case")
    source = tmp_path / "src"
    hostile.write_site(source, case, tmp_path)
    done = lapak(source, tmp_path / "site")
    assert done.returncode == 1
    assert "tas.md:8:1: error:" in done.stderr and "tas.md:3:1: error:" not in done.stderr
