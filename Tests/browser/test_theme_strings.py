"""Every UI string comes from the theme's language files, and both languages say everything."""
import pathlib
import re

import yaml

THEME = pathlib.Path(__file__).resolve().parents[2] / "themes" / "default"
KEY = re.compile(r"\bt\.(\w+)|\bt\[['\"](\w+)['\"]\]")
DYNAMIC = re.compile(r"\bt\[['\"](\w+)['\"]\s*~")


def strings(language):
    data = yaml.safe_load((THEME / "i18n" / f"{language}.yml").read_text(encoding="utf-8"))
    assert all(isinstance(v, str) and v.strip() for v in data.values()), language
    return data


def templates():
    return {p: p.read_text(encoding="utf-8") for p in (THEME / "templates").rglob("*.html")}


def test_both_languages_have_the_same_keys():
    indonesian, english = strings("id"), strings("en")
    assert set(indonesian) == set(english), set(indonesian) ^ set(english)


def test_templates_use_only_keys_that_exist():
    known = set(strings("id"))
    for path, text in templates().items():
        used = {a or b for a, b in KEY.findall(text)}
        assert used <= known, (path.name, used - known)
        # `t['cert_' ~ kind]`: every certification kind the content model knows needs its label.
        for prefix in DYNAMIC.findall(text):
            assert {prefix + kind for kind in ("halal", "pirt", "bpom")} <= known, prefix


def test_placeholders_match_between_languages():
    indonesian, english = strings("id"), strings("en")
    for key, text in indonesian.items():
        assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", english[key])), key


def test_script_reads_only_data_the_templates_write():
    """lapak.js holds no UI text: it reads strings and prices from data-* attributes."""
    script = (THEME / "static" / "lapak.js").read_text(encoding="utf-8")
    written = set()
    for text in templates().values():
        written |= set(re.findall(r"\bdata-([a-z-]+)", text))
    # `d.producerName` reads data-producer-name; `.dataset.price` reads data-price.
    written |= set(re.findall(r'"data-([a-z-]+)"', script))  # attributes the script sets on what it draws
    read = set(re.findall(r"\bd\.([a-zA-Z]+)", script)) | set(re.findall(r"dataset\.([a-zA-Z]+)", script))
    kebab = {re.sub(r"[A-Z]", lambda m: "-" + m.group().lower(), name) for name in read}
    assert kebab <= written, kebab - written
    # Quoted text in the script is code (selectors, keys, formats), never a sentence for people.
    for literal in set(re.findall(r'"([^"\\\n]*)"', script)) - {"use strict"}:
        assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", literal), literal
