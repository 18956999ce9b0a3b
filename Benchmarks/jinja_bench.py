#!/usr/bin/env python3
"""Renders the benchmark's product listing page with Jinja2, as a cross-language reference.

The templates and data are the ones in Sources/template-bench (same sources, same 8 categories
of 3 products); run with `python3 Benchmarks/jinja_bench.py`.
"""
import time

import jinja2

HEAD = """<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/css/site.css">
  <link rel="icon" href="/favicon.ico">
  <meta name="description" content="Belanja produk lokal langsung dari produsen kecil di seluruh Nusantara.">"""

FOOT = """<footer class="site-footer">
  <p>Lapak mempertemukan pembeli dengan produsen kecil. Semua harga sudah termasuk pajak.</p>
  <p><a href="/tentang/">Tentang</a> · <a href="/kontak/">Kontak</a> · <a href="/syarat/">Syarat</a></p>
</footer>
</body>
</html>"""

TEMPLATES = {
    "base.html": HEAD + """  <title>{% block title %}{{ site_title }}{% endblock %}</title>
</head>
<body>
{% block body %}{% endblock %}""" + FOOT,
    "layout.html": """{% extends "base.html" %}
{% block body %}
<header class="site-header"><a href="/">{{ site_title }}</a>
  <nav><a href="/kopi/">Kopi</a> <a href="/teh/">Teh</a> <a href="/gula/">Gula</a> <a href="/madu/">Madu</a></nav>
</header>
<main>{% block content %}{% endblock %}</main>
{% endblock %}""",
    "listing.html": """{% extends "layout.html" %}
{% block title %}Semua produk — {{ site_title }}{% endblock %}
{% block content %}
{% for category in categories %}
<section class="category">
  <h2>{{ category.name | upper }}</h2>
  <div class="grid">
  {% for product in category.products %}{% include "card.html" %}{% endfor %}
  </div>
</section>
{% endfor %}
{% endblock %}""",
    "card.html": """<article class="card{% if product.featured %} card--featured{% endif %}">
  <a href="/produk/{{ product.slug }}/"><img src="{{ product.image }}" alt="{{ product.alt }}" loading="lazy"></a>
  <h3>{{ product.name | capitalize }}</h3>
  <p class="price">{{ product.currency }} {{ product.price }}</p>
  <p class="desc">{{ product.description }}</p>
  <p class="meta">Stok {{ product.stock }} · {{ product.seller | lower }} · {{ product.badge }}</p>
</article>
""",
}

SELLERS = ["Koperasi Gayo", "Toko Bu Sari", "CV Aren Jaya", "UD Toraja Makmur"]
WORDS = ["kopi", "teh", "gula", "madu", "rempah", "keripik", "sambal", "kacang"]


def product(c, p):
    n = c * 3 + p
    return {
        "name": f"{WORDS[c]} nusantara nomor {n} <asli>", "slug": f"{WORDS[c]}-nusantara-{n}", "price": 15000 + n * 2500,
        "currency": "Rp", "image": f"/img/{WORDS[c]}-{n}.jpg", "alt": f'Foto {WORDS[c]} "{n}"',
        "description": f"Produk {WORDS[c]} berkualitas dari petani lokal & pengrajin kecil, dikemas rapi untuk Anda.",
        "stock": n % 5, "seller": SELLERS[n % len(SELLERS)].upper(), "badge": "baru" if n % 2 == 0 else "laris",
        "featured": n % 3 == 0,
    }


CONTEXT = {
    "site_title": "Lapak Nusantara",
    "categories": [{"name": f"kategori {WORDS[c]} pilihan", "products": [product(c, p) for p in range(3)]} for c in range(8)],
}


def main():
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True)
    template = env.get_template("listing.html")
    out = template.render(**CONTEXT)
    best = float("inf")
    for _ in range(5):
        n = 500
        start = time.perf_counter()
        for _ in range(n):
            template.render(**CONTEXT)
        best = min(best, (time.perf_counter() - start) / n)
    print(f"page size: {len(out.encode())} B")
    print(f"jinja2 {jinja2.__version__}: {int(1 / best)} renders/s, {best * 1e6:.1f} µs/render (best of 5)")


if __name__ == "__main__":
    main()
