/// Templates of the machine-read outputs. They belong to Lapak, not to the theme: their formats
/// are fixed by Google, Meta, the Atom and JSON Feed specifications and the sitemap protocol.
/// They run on the same engine as pages; `.xml` names select XML escaping.
enum FeedTemplates {
    static let all: [String: String] = [
        "products.json": "{{ feed | json(indent=2) }}\n",
        "feed.json": "{{ feed | json(indent=2) }}\n",
        "katalog-open.xml": katalogOpen,
        "katalog-item.xml": katalogItem,
        "atom.xml": atom,
        "sitemap.xml": sitemap,
        "sitemap-index.xml": sitemapIndex,
    ]

    /// katalog.xml is written item by item (it is tens of megabytes at 10,000 products), so its
    /// template comes in two parts: the channel's head, and one item; `katalogClose` ends it.
    /// (Each ends in two line breaks: like Jinja, the engine drops a template's last one.)
    static let katalogOpen = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
    <channel>
    <title>{{ title }}</title>
    <link>{{ link }}</link>
    <description>{{ description }}</description>
    {% if language %}<language>{{ language }}</language>
    {% endif %}

    """

    static let katalogItem = """
    <item>
    <g:id>{{ item.id }}</g:id>
    <g:title>{{ item.title }}</g:title>
    <g:description>{{ item.description }}</g:description>
    <g:link>{{ item.link }}</g:link>
    {% if item.image_link %}<g:image_link>{{ item.image_link }}</g:image_link>
    {% endif %}{% for extra in item.additional_image_links %}<g:additional_image_link>{{ extra }}</g:additional_image_link>
    {% endfor %}<g:availability>{{ item.availability }}</g:availability>
    {% if item.availability_date %}<g:availability_date>{{ item.availability_date }}</g:availability_date>
    {% endif %}<g:price>{{ item.price }}</g:price>
    {% if item.sale_price %}<g:sale_price>{{ item.sale_price }}</g:sale_price>
    {% endif %}{% if item.sale_dates %}<g:sale_price_effective_date>{{ item.sale_dates }}</g:sale_price_effective_date>
    {% endif %}<g:brand>{{ item.brand }}</g:brand>
    <g:condition>new</g:condition>
    <g:identifier_exists>no</g:identifier_exists>
    <g:product_type>{{ item.product_type }}</g:product_type>
    {% if item.google_product_category %}<g:google_product_category>{{ item.google_product_category }}</g:google_product_category>
    {% endif %}{% if item.shipping_weight %}<g:shipping_weight>{{ item.shipping_weight }}</g:shipping_weight>
    {% endif %}{% if item.handling_days is not none %}<g:min_handling_time>{{ item.handling_days }}</g:min_handling_time>
    <g:max_handling_time>{{ item.handling_days }}</g:max_handling_time>
    {% endif %}{% if item.shipping %}<g:shipping>
    <g:country>{{ item.shipping.country }}</g:country>
    {% if item.shipping.service %}<g:service>{{ item.shipping.service }}</g:service>
    {% endif %}<g:price>{{ item.shipping.price }}</g:price>
    {% if item.shipping.min_days is not none %}<g:min_transit_time>{{ item.shipping.min_days }}</g:min_transit_time>
    <g:max_transit_time>{{ item.shipping.max_days }}</g:max_transit_time>
    {% endif %}</g:shipping>
    <g:ships_from_country>{{ item.shipping.country }}</g:ships_from_country>
    {% endif %}{% if item.item_group_id %}<g:item_group_id>{{ item.item_group_id }}</g:item_group_id>
    {% endif %}{% if item.size %}<g:size>{{ item.size }}</g:size>
    {% endif %}{% if item.color %}<g:color>{{ item.color }}</g:color>
    {% endif %}{% if item.material %}<g:material>{{ item.material }}</g:material>
    {% endif %}{% if item.pattern %}<g:pattern>{{ item.pattern }}</g:pattern>
    {% endif %}</item>


    """

    static let katalogClose = "</channel>\n</rss>"

    static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ language }}">
    <title>{{ title }}</title>
    {% if subtitle %}<subtitle>{{ subtitle }}</subtitle>
    {% endif %}<link rel="self" type="application/atom+xml" href="{{ self_url }}"/>
    <link rel="alternate" type="text/html" href="{{ home_url }}"/>
    <id>{{ home_url }}</id>
    <updated>{{ updated }}</updated>
    <generator>Lapak</generator>
    {% for entry in entries %}<entry{% if entry.language %} xml:lang="{{ entry.language }}"{% endif %}>
    <title>{{ entry.title }}</title>
    <link rel="alternate" type="text/html" href="{{ entry.url }}"/>
    <id>{{ entry.url }}</id>
    <published>{{ entry.published }}</published>
    <updated>{{ entry.published }}</updated>
    <author><name>{{ entry.author }}</name></author>
    <summary>{{ entry.summary }}</summary>
    <content type="html">{{ entry.content_html }}</content>
    {% if entry.image %}<link rel="enclosure" type="{{ entry.image.type }}" href="{{ entry.image.url }}"/>
    {% endif %}{% for tag in entry.tags %}<category term="{{ tag }}"/>
    {% endfor %}</entry>
    {% endfor %}</feed>

    """

    static let sitemap = """
    <?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{% if alternates %} xmlns:xhtml="http://www.w3.org/1999/xhtml"{% endif %}>
    {% for url in urls %}<url><loc>{{ url.loc }}</loc>{% if url.lastmod %}<lastmod>{{ url.lastmod }}</lastmod>{% endif %}{% for link in url.links %}<xhtml:link rel="alternate" hreflang="{{ link.hreflang }}" href="{{ link.href }}"/>{% endfor %}</url>
    {% endfor %}</urlset>

    """

    static let sitemapIndex = """
    <?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    {% for map in sitemaps %}<sitemap><loc>{{ map.loc }}</loc>{% if map.lastmod %}<lastmod>{{ map.lastmod }}</lastmod>{% endif %}</sitemap>
    {% endfor %}</sitemapindex>

    """
}
