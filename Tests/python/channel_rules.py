"""A checker of the shopping channels' published rules, independent of Lapak's own code: what
Google Merchant Center's product data specification, Meta's catalog reference and Google's
merchant-listing structured data say a feed must be. Each check names the rule it enforces.
`problems(site_folder)` returns one line per broken rule; an empty list is a feed they accept."""
import csv
import html.parser
import io
import json
import re

from lxml import etree

G = "{http://base.google.com/ns/1.0}"
ABSOLUTE = re.compile(r"^https?://[^\s]+$")
PRICE = re.compile(r"^(\d+(\.\d{1,2})?) ([A-Z]{3})$")
ISO_8601 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:?\d\d)$")
# Google, image_link: "JPEG, WebP, PNG, GIF, BMP, TIFF"; Meta, image_link: JPEG or PNG.
PHOTO = re.compile(r"\.(jpe?g|png)$", re.I)
# What a description must not carry: Google, description: "plain text … no formatting"; Meta,
# description: "plain text, no HTML". Markdown left as it was written is formatting too.
HTML_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
MARKDOWN_LEFTOVERS = [
    (re.compile(r"^\s*\|.*\|\s*$", re.M), "a Markdown table row"),
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M), "a Markdown table rule"),
    (re.compile(r"\*\*[^*\n]+\*\*"), "Markdown bold"),
    (re.compile(r"^#{1,6} ", re.M), "a Markdown heading"),
]
VARIANT_ATTRIBUTES = ("size", "color", "material", "pattern")


def google_items(site):
    root = etree.parse(str(site / "katalog.xml")).getroot()
    for item in root.findall("./channel/item"):
        fields = {child.tag.removeprefix(G): child.text or "" for child in item
                  if child.tag not in (G + "additional_image_link", G + "shipping")}
        fields["additional_image_link"] = [c.text for c in item.findall(G + "additional_image_link")]
        fields["shipping"] = [{c.tag.removeprefix(G): c.text or "" for c in s} for s in item.findall(G + "shipping")]
        yield fields


def text_problems(where, description):
    found = []
    if HTML_TAG.search(description):
        found.append(f"{where}: description holds HTML (plain text only)")
    for pattern, what in MARKDOWN_LEFTOVERS:
        if pattern.search(description):
            found.append(f"{where}: description holds {what} (plain text only)")
    return found


def price_above_zero(value):
    match = PRICE.match(value or "")
    return match and float(match.group(1)) > 0


def google_problems(site):
    out, ids, groups = [], set(), {}
    for item in google_items(site):
        where = f"katalog.xml {item.get('id')}"
        # Required attributes: id, title, description, link, image_link, availability, price,
        # brand (or identifier_exists no), condition.
        for name in ("id", "title", "description", "link", "image_link", "availability", "price", "condition"):
            if not item.get(name):
                out.append(f"{where}: {name} missing (required)")
        if not item.get("brand") and item.get("identifier_exists") != "no":
            out.append(f"{where}: brand missing without identifier_exists no")
        # id: up to 50 characters, unique in the feed.
        if len(item["id"]) > 50 or item["id"] in ids:
            out.append(f"{where}: id over 50 characters or repeated")
        ids.add(item["id"])
        # title: up to 150 characters; description: up to 5,000; brand: up to 70;
        # product_type: up to 750; link and image_link: up to 2,000.
        for name, limit in (("title", 150), ("description", 5000), ("brand", 70), ("product_type", 750),
                            ("link", 2000), ("image_link", 2000), ("size", 100), ("color", 100),
                            ("material", 200), ("pattern", 100)):
            if len(item.get(name, "")) > limit:
                out.append(f"{where}: {name} over {limit} characters")
        out += text_problems(where, item.get("description", ""))
        for name in ("link", "image_link"):
            if item.get(name) and not ABSOLUTE.match(item[name]):
                out.append(f"{where}: {name} not an absolute URL")
        if item.get("image_link") and not PHOTO.search(item["image_link"].split("?")[0]):
            out.append(f"{where}: image_link not a JPEG or PNG")
        # additional_image_link: up to 10.
        if len(item["additional_image_link"]) > 10:
            out.append(f"{where}: more than 10 additional_image_link")
        # availability: in_stock, out_of_stock, preorder, backorder; availability_date is
        # required for preorder and backorder, ISO 8601.
        if item.get("availability") not in ("in_stock", "out_of_stock", "preorder", "backorder"):
            out.append(f"{where}: availability {item.get('availability')!r} not allowed")
        if item.get("availability") in ("preorder", "backorder") and not ISO_8601.match(item.get("availability_date", "")):
            out.append(f"{where}: preorder without an ISO 8601 availability_date")
        # price: a number and an ISO 4217 currency, above zero.
        if not price_above_zero(item.get("price")):
            out.append(f"{where}: price {item.get('price')!r} not a positive amount with its currency")
        # sale_price: lower than price, same currency; sale_price_effective_date: an ISO 8601 interval.
        if item.get("sale_price"):
            sale, regular = PRICE.match(item["sale_price"]), PRICE.match(item.get("price", ""))
            if not (sale and regular and sale.group(3) == regular.group(3) and float(sale.group(1)) < float(regular.group(1))):
                out.append(f"{where}: sale_price not below price in the same currency")
            dates = item.get("sale_price_effective_date", "")
            if dates and not all(ISO_8601.match(part) for part in dates.split("/")) or dates.count("/") > 1:
                out.append(f"{where}: sale_price_effective_date not an ISO 8601 interval")
        if item.get("condition") not in ("new", "refurbished", "used"):
            out.append(f"{where}: condition not new, refurbished or used")
        # min_handling_time and max_handling_time: whole days, the least not above the most.
        handling = [item.get("min_handling_time"), item.get("max_handling_time")]
        if any(handling):
            if not all(h and h.isdigit() for h in handling) or int(handling[0]) > int(handling[1]):
                out.append(f"{where}: handling times not whole days with min ≤ max")
        # shipping_weight: a number and a unit (lb, oz, g, kg).
        if item.get("shipping_weight") and not re.fullmatch(r"\d+(\.\d+)? (lb|oz|g|kg)", item["shipping_weight"]):
            out.append(f"{where}: shipping_weight not a number and unit")
        # shipping: country (ISO 3166-1) and price required; service, min and max transit time optional.
        for shipping in item["shipping"]:
            if not re.fullmatch(r"[A-Z]{2}", shipping.get("country", "")) or not PRICE.match(shipping.get("price", "")):
                out.append(f"{where}: shipping without a country code and a price")
            transit = [shipping.get("min_transit_time"), shipping.get("max_transit_time")]
            if any(transit) and (not all(t and t.isdigit() for t in transit) or int(transit[0]) > int(transit[1])):
                out.append(f"{where}: shipping transit times not whole days with min ≤ max")
        if item.get("item_group_id"):
            groups.setdefault(item["item_group_id"], []).append(item)
    # item_group_id: up to 50 characters; the variants of a group differ by their variant
    # attributes (color, size, pattern, material, age_group, gender), each a distinct combination,
    # and the landing page shows the variant's own price: a group whose prices differ needs a link per variant.
    for group, items in groups.items():
        if len(group) > 50:
            out.append(f"katalog.xml group {group}: item_group_id over 50 characters")
        combos = [tuple(i.get(a) for a in VARIANT_ATTRIBUTES) for i in items]
        if any(c == (None,) * 4 for c in combos) and len(items) > 1:
            out.append(f"katalog.xml group {group}: a variant without size, color, material or pattern")
        elif len(set(combos)) != len(combos):
            out.append(f"katalog.xml group {group}: two variants with the same attributes")
        if len({i["price"] for i in items}) > 1 and len({i["link"] for i in items}) < len(items):
            out.append(f"katalog.xml group {group}: variants with different prices share one link")
    return out


def meta_problems(site):
    out = []
    raw = (site / "katalog.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    # Required columns: id, title, description, availability, condition, price, link, image_link, brand.
    required = ["id", "title", "description", "availability", "condition", "price", "link", "image_link", "brand"]
    columns = list(rows[0].keys()) if rows else []
    for name in required:
        if name not in columns:
            out.append(f"katalog.csv: column {name} missing (required)")
    groups = {}
    for row in rows:
        where = f"katalog.csv {row.get('id')}"
        for name in required:
            if not row.get(name):
                out.append(f"{where}: {name} empty (required)")
        # id up to 100 characters, title 200, description 9,999, brand 100.
        for name, limit in (("id", 100), ("title", 200), ("description", 9999), ("brand", 100)):
            if len(row.get(name, "")) > limit:
                out.append(f"{where}: {name} over {limit} characters")
        out += text_problems(where, row.get("description", ""))
        if row.get("availability") not in ("in stock", "out of stock", "preorder", "available for order", "discontinued"):
            out.append(f"{where}: availability {row.get('availability')!r} not allowed")
        if row.get("condition") not in ("new", "refurbished", "used"):
            out.append(f"{where}: condition not new, refurbished or used")
        if not price_above_zero(row.get("price")):
            out.append(f"{where}: price {row.get('price')!r} not a positive amount with its currency")
        if row.get("sale_price") and not price_above_zero(row["sale_price"]):
            out.append(f"{where}: sale_price not an amount with its currency")
        # google_product_category: "at minimum 2 levels deep" (Meta's catalog best practices).
        if row.get("google_product_category") and not row["google_product_category"].isdigit() \
                and row["google_product_category"].count(" > ") < 1:
            out.append(f"{where}: google_product_category less than 2 levels deep")
        if row.get("image_link") and not PHOTO.search(row["image_link"]):
            out.append(f"{where}: image_link not a JPEG or PNG")
        # additional_image_link: up to 20, comma-separated.
        if len([u for u in row.get("additional_image_link", "").split(",") if u]) > 20:
            out.append(f"{where}: more than 20 additional images")
        if row.get("item_group_id"):
            groups.setdefault(row["item_group_id"], []).append(row)
    # Variants: "variant fields (such as size or color) … present for every product variant sharing
    # a common item_group_id".
    for group, items in groups.items():
        if len(items) > 1 and any(not any(r.get(a) for a in VARIANT_ATTRIBUTES) for r in items):
            out.append(f"katalog.csv group {group}: a variant without size, color, material or pattern")
    return out


class JSONLD(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._in = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._in = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data


def offer_problems(where, offer):
    out = []
    # Merchant listings: offers with price (above zero), priceCurrency and availability.
    if not (str(offer.get("price", "")).replace(".", "", 1).isdigit() and float(offer["price"]) > 0):
        out.append(f"{where}: offer price missing or zero")
    if not re.fullmatch(r"[A-Z]{3}", offer.get("priceCurrency", "")):
        out.append(f"{where}: offer priceCurrency missing")
    if not offer.get("availability", "").startswith("https://schema.org/"):
        out.append(f"{where}: offer availability not a schema.org value")
    # Offer.availabilityStarts is what availability_date maps to: a pre-order says when it ships.
    if offer.get("availability") == "https://schema.org/PreOrder" and not ISO_8601.match(offer.get("availabilityStarts", "")):
        out.append(f"{where}: pre-order offer without availabilityStarts")
    # shippingDetails: an OfferShippingDetails with shippingRate and shippingDestination.
    shipping = offer.get("shippingDetails")
    if shipping is not None:
        if shipping.get("@type") != "OfferShippingDetails" or "value" not in shipping.get("shippingRate", {}) \
                or not shipping.get("shippingDestination", {}).get("addressCountry"):
            out.append(f"{where}: shippingDetails without its rate or destination")
    # hasMerchantReturnPolicy: applicableCountry and returnPolicyCategory; merchantReturnDays for a finite window.
    policy = offer.get("hasMerchantReturnPolicy")
    if policy is not None:
        if not policy.get("applicableCountry") or not policy.get("returnPolicyCategory", "").startswith("https://schema.org/"):
            out.append(f"{where}: return policy without its country or category")
        if policy.get("returnPolicyCategory", "").endswith("FiniteReturnWindow") and not isinstance(policy.get("merchantReturnDays"), int):
            out.append(f"{where}: finite return window without merchantReturnDays")
    price = offer.get("priceSpecification")
    if price is not None and not isinstance(price, (dict, list)):
        out.append(f"{where}: priceSpecification not an object")
    return out


def structured_data_problems(site):
    out = []
    for page in sorted((site / "produk").glob("*/index.html")):
        parser = JSONLD()
        parser.feed(page.read_text(encoding="utf-8"))
        products = [b for b in map(json.loads, parser.blocks) if b.get("@type") in ("Product", "ProductGroup")]
        where = str(page.relative_to(site))
        if len(products) != 1:
            out.append(f"{where}: {len(products)} Product or ProductGroup blocks")
            continue
        data = products[0]
        if not data.get("name") or not data.get("image"):
            out.append(f"{where}: name or image missing")
        if data["@type"] == "Product":
            if isinstance(data.get("offers"), list):
                out.append(f"{where}: a Product with a list of loose offers (variants belong in a ProductGroup)")
                continue
            out += offer_problems(where, data.get("offers") or {})
            continue
        # Product variants: a ProductGroup with productGroupID, variesBy and hasVariant, each variant
        # a Product with its own offer and the properties the group varies by.
        if not data.get("productGroupID") or not data.get("hasVariant"):
            out.append(f"{where}: ProductGroup without productGroupID or hasVariant")
            continue
        varies = [v.removeprefix("https://schema.org/") for v in data.get("variesBy", [])]
        if not set(varies) <= {"size", "color", "material", "pattern", "suggestedAge", "suggestedGender"}:
            out.append(f"{where}: variesBy {varies} not among Google's variant properties")
        for index, variant in enumerate(data["hasVariant"]):
            spot = f"{where} variant {index + 1}"
            if variant.get("@type") != "Product" or not variant.get("name"):
                out.append(f"{spot}: not a named Product")
            for name in varies:
                if name not in variant:
                    out.append(f"{spot}: lacks {name}, which the group varies by")
            out += offer_problems(spot, variant.get("offers") or {})
    return out


def problems(site):
    return google_problems(site) + meta_problems(site) + structured_data_problems(site)
