// The same page in each engine's syntax.

let staticHead = """
    <!doctype html>
    <html lang="id">
    <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <link rel="stylesheet" href="/css/site.css">
      <link rel="icon" href="/favicon.ico">
      <meta name="description" content="Belanja produk lokal langsung dari produsen kecil di seluruh Nusantara.">
    """

let staticFoot = """
    <footer class="site-footer">
      <p>Lapak mempertemukan pembeli dengan produsen kecil. Semua harga sudah termasuk pajak.</p>
      <p><a href="/tentang/">Tentang</a> · <a href="/kontak/">Kontak</a> · <a href="/syarat/">Syarat</a></p>
    </footer>
    </body>
    </html>
    """

let jinjaTemplates: [String: String] = [
    "base.html": staticHead + """
      <title>{% block title %}{{ site_title }}{% endblock %}</title>
    </head>
    <body>
    {% block body %}{% endblock %}
    """ + staticFoot,
    "layout.html": """
    {% extends "base.html" %}
    {% block body %}
    <header class="site-header"><a href="/">{{ site_title }}</a>
      <nav><a href="/kopi/">Kopi</a> <a href="/teh/">Teh</a> <a href="/gula/">Gula</a> <a href="/madu/">Madu</a></nav>
    </header>
    <main>{% block content %}{% endblock %}</main>
    {% endblock %}
    """,
    "listing.html": """
    {% extends "layout.html" %}
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
    {% endblock %}
    """,
    "card.html": """
    <article class="card{% if product.featured %} card--featured{% endif %}">
      <a href="/produk/{{ product.slug }}/"><img src="{{ product.image }}" alt="{{ product.alt }}" loading="lazy"></a>
      <h3>{{ product.name | capitalize }}</h3>
      <p class="price">{{ product.currency }} {{ product.price }}</p>
      <p class="desc">{{ product.description }}</p>
      <p class="meta">Stok {{ product.stock }} · {{ product.seller | lower }} · {{ product.badge }}</p>
    </article>

    """,
]

let mustacheTemplates: [String: String] = [
    "base": staticHead + """
      <title>{{$title}}{{site_title}}{{/title}}</title>
    </head>
    <body>
    {{$body}}{{/body}}
    """ + staticFoot,
    "layout": """
    {{<base}}
    {{$body}}
    <header class="site-header"><a href="/">{{site_title}}</a>
      <nav><a href="/kopi/">Kopi</a> <a href="/teh/">Teh</a> <a href="/gula/">Gula</a> <a href="/madu/">Madu</a></nav>
    </header>
    <main>{{$content}}{{/content}}</main>
    {{/body}}
    {{/base}}
    """,
    "listing": """
    {{<layout}}
    {{$title}}Semua produk — {{site_title}}{{/title}}
    {{$content}}
    {{#categories}}
    <section class="category">
      <h2>{{ uppercased(name) }}</h2>
      <div class="grid">
      {{#products}}{{> card}}{{/products}}
      </div>
    </section>
    {{/categories}}
    {{/content}}
    {{/layout}}
    """,
    "card": """
    <article class="card{{#featured}} card--featured{{/featured}}">
      <a href="/produk/{{slug}}/"><img src="{{image}}" alt="{{alt}}" loading="lazy"></a>
      <h3>{{ capitalized(name) }}</h3>
      <p class="price">{{currency}} {{price}}</p>
      <p class="desc">{{description}}</p>
      <p class="meta">Stok {{stock}} · {{ lowercased(seller) }} · {{badge}}</p>
    </article>

    """,
]

/// Stencil has the same tags; its case filters are spelled `uppercase` and `lowercase`.
let stencilTemplates: [String: String] = jinjaTemplates.mapValues {
    $0.replacingOccurrences("| upper", "| uppercase").replacingOccurrences("| lower", "| lowercase")
}

extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
