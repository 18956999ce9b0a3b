#!/usr/bin/env python3
"""Writes a seeded synthetic Lapak site of any size, for measuring builds.

Usage: make_corpus.py OUT_DIR --products N --news M [--seed S]

OUT_DIR/content gets site.yml, producers, products, news and one small placeholder JPEG per
product photo (hard links to a single file, so a large corpus costs little disk). The same
arguments always give the same bytes: every file has its own random generator, seeded by the
corpus seed and its number, so file i does not depend on how many files come after it.
"""
import argparse
import os
import pathlib
import random
import shutil

CATEGORIES = {
    "batik-ecoprint": ("Batik Ecoprint", 65000, 450000),
    "tas-anyaman": ("Tas Anyaman", 45000, 350000),
    "jamu": ("Jamu", 12000, 60000),
    "pupuk-organik": ("Pupuk Organik", 15000, 120000),
    "kue-kering": ("Kue Kering", 25000, 110000),
    "sembako": ("Sembako", 12000, 160000),
    "kuliner": ("Kuliner", 10000, 85000),
    "aksesoris": ("Aksesoris", 15000, 150000),
}
THINGS = {
    "batik-ecoprint": ["Kain Ecoprint", "Selendang Ecoprint", "Tas Ecoprint", "Syal Daun Jati"],
    "tas-anyaman": ["Tas Anyaman Pandan", "Keranjang Bambu", "Tas Mendong", "Dompet Anyaman"],
    "jamu": ["Jamu Kunyit Asam", "Jamu Beras Kencur", "Wedang Jahe", "Temulawak Instan"],
    "pupuk-organik": ["Pupuk Organik Cair", "Kompos Daun", "Kascing", "Pupuk Kandang Fermentasi"],
    "kue-kering": ["Nastar", "Kastengel", "Putri Salju", "Kue Kacang"],
    "sembako": ["Beras Organik", "Gula Aren", "Minyak Kelapa", "Madu Hutan"],
    "kuliner": ["Keripik Pisang", "Sambal Pecel", "Rengginang", "Kerupuk Udang"],
    "aksesoris": ["Gantungan Kunci", "Bros Kain", "Ikat Rambut", "Gelang Manik"],
}
SIZES = ["Kecil", "Sedang", "Besar", "250 g", "500 g", "1 kg", "1 liter", "Paket Hemat"]
VILLAGES = [("Gogodeso", "Blitar"), ("Jatinom", "Blitar"), ("Pandanarum", "Blitar"), ("Lorejo", "Blitar"),
            ("Sumberagung", "Blitar"), ("Pondok", "Ponorogo"), ("Bringinan", "Ponorogo"),
            ("Gelanglor", "Ponorogo"), ("Ngendut", "Ponorogo"), ("Karangpatihan", "Ponorogo"),
            ("Kedunggebang", "Banyuwangi"), ("Wringinpitu", "Banyuwangi"), ("Kedungasri", "Banyuwangi"),
            ("Kendalrejo", "Banyuwangi"), ("Sumbermulyo", "Banyuwangi"), ("Sidomulyo", "Jember"),
            ("Sidomukti", "Jember"), ("Wonoasri", "Jember"), ("Ambulu", "Jember"), ("Sabrang", "Jember"),
            ("Dukuh Dempok", "Jember"), ("Balung Lor", "Jember"), ("Bagorejo", "Jember"),
            ("Puger Kulon", "Jember")]
TAGS = ["buatan-tangan", "purna-migran", "ramah-lingkungan", "pewarna-alami", "oleh-oleh", "organik",
        "umkm", "produk-lokal", "desbumi", "kopi-komunitas", "tanpa-pengawet", "pesanan-khusus"]
WORDS = ("anggota kelompok desa usaha produk pembeli kualitas bahan alami dikemas dibuat tangan "
         "pemasaran pelatihan koperasi pembukuan keluarga penghasilan kebun daun pewarna jahe kunyit "
         "pandan bambu pupuk kompos tanah petani pasar kota pesanan pengiriman ekspedisi WhatsApp "
         "Instagram foto label kemasan rasa segar awet rapi kuat ringan tahan lama sehat tradisi").split()
HEADINGS = ["Tentang Produk", "Bahan dan Proses", "Keunggulan", "Cara Pemesanan", "Cara Menyimpan",
            "Latar Belakang", "Jalannya Kegiatan", "Tindak Lanjut"]
# A 4×3 baseline JPEG, whole (Huffman and quantisation tables, scan), so the photo pipeline decodes
# it: a JPEG of headers alone is refused as damaged.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d"
    "283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffdb004301111212181518"
    "2f1a1a2f63423842636363636363636363636363636363636363636363636363636363636363636363636363636363636363"
    "6363636363636363ffc00011080003000403012200021101031101ffc4001f00000105010101010101000000000000000001"
    "02030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114"
    "328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a53545556"
    "5758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5"
    "b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffc4001f010003"
    "0101010101010101010000000000000102030405060708090a0bffc400b51100020102040403040705040400010277000102"
    "031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35"
    "363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495"
    "969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9ea"
    "f2f3f4f5f6f7f8f9faffda000c03010002110311003f00b545145711d67fffd9"
)


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    if rng.random() < 0.3:
        k = rng.randrange(len(words))
        words[k] = "**%s**" % words[k]
    if rng.random() < 0.2:
        k = rng.randrange(len(words))
        words[k] = "*%s*" % words[k]
    return " ".join(words).capitalize() + "."


def body(rng, words_target, producer_id):
    blocks, count = [], 0
    while count < words_target:
        kind = rng.random()
        if kind < 0.12:
            blocks.append("## " + rng.choice(HEADINGS))
        elif kind < 0.22:
            items = ["- " + sentence(rng) for _ in range(rng.randint(3, 5))]
            blocks.append("\n".join(items))
        elif kind < 0.27:
            blocks.append("> " + sentence(rng))
        elif kind < 0.32:
            blocks.append("Lihat juga [profil kelompok](/komunitas/%s/)." % producer_id)
        else:
            blocks.append(" ".join(sentence(rng) for _ in range(rng.randint(3, 6))))
        count += len(blocks[-1].split())
    return "\n\n".join(blocks) + "\n"


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--products", type=int, default=1000)
    ap.add_argument("--news", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    for folder in ("producers", "products", "news", "images/products"):
        (content / folder).mkdir(parents=True)
    lines = ['title: "Lapak Bench"', 'base_url: "https://bench.example.org/"', "language: id", "categories:"]
    lines += ["  %s: %s" % (cid, quoted(name)) for cid, (name, _, _) in CATEGORIES.items()]
    (content / "site.yml").write_text("\n".join(lines) + "\n")
    producers = []
    for k, (village, regency) in enumerate(VILLAGES):
        pid = "kelompok-" + village.lower().replace(" ", "-")
        producers.append(pid)
        (content / "producers" / (pid + ".md")).write_text(
            "---\nname: %s\nvillage: %s\nregency: %s\nwhatsapp: \"0812-0000-%04d\"\n---\n\n"
            "Kelompok usaha purna pekerja migran di %s, %s.\n" % (quoted("Kelompok " + village), quoted(village),
                                                                   quoted(regency), k + 1, village, regency))
    proto = out / ".placeholder.jpg"
    proto.write_bytes(JPEG)
    for i in range(a.products):
        rng = random.Random("%d:product:%d" % (a.seed, i))
        cid = rng.choice(list(CATEGORIES))
        _, low, high = CATEGORIES[cid]
        title = "%s %s" % (rng.choice(THINGS[cid]), rng.choice(SIZES))
        slug = "%s-%05d" % (title.lower().replace(" ", "-"), i)
        images = []
        for n in range(rng.randint(1, 3)):
            rel = "images/products/%s-%d.jpg" % (slug, n + 1)
            os.link(proto, content / rel)
            images.append(rel)
        price = rng.randint(low // 500, high // 500) * 500
        fm = ["---", "title: " + quoted(title), "price: %d" % price, "category: " + cid,
              "producer: " + rng.choice(producers), "images: [%s]" % ", ".join(images),
              "stock: %d" % rng.randint(0, 200), "weight_grams: %d" % (rng.randint(10, 300) * 10),
              "tags: [%s]" % ", ".join(sorted(rng.sample(TAGS, rng.randint(2, 4)))),
              "date: %04d-%02d-%02d" % (rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28))]
        if rng.random() < 0.3:
            fm.append("variants:")
            for size in rng.sample(SIZES, 2):
                fm += ["  - name: " + quoted(size), "    size: " + quoted(size),
                       "    price: %d" % (price + rng.randint(1, 20) * 1000)]
        # Drawn from a generator of their own, so the rest of the corpus stays as it was: some
        # products made to order or on pre-order, and a third with a pipe table of sizes.
        extra = random.Random("%d:product-extra:%d" % (a.seed, i))
        kind = extra.random()
        if kind < 0.05:
            fm.append("made_to_order: %d" % extra.randint(1, 14))
        elif kind < 0.08:
            fm.append("availability: preorder")
            fm.append("available_from: 2026-%02d-%02d" % (extra.randint(1, 12), extra.randint(1, 28)))
        table = ""
        if extra.random() < 0.34:
            rows = ["| Ukuran | Berat | Harga |", "|---|---|---|"]
            for k in range(extra.randint(2, 4)):
                rows.append("| %s | %d g | Rp %s |" % (extra.choice(["S", "M", "L", "XL"]), extra.randint(1, 50) * 50,
                                                      "{:,}".format(price + k * 5000).replace(",", ".")))
            table = "\n### Spesifikasi\n\n" + "\n".join(rows) + "\n"
        fm.append("---")
        (content / "products" / (slug + ".md")).write_text(
            "\n".join(fm) + "\n\n" + body(rng, rng.randint(300, 860), rng.choice(producers)) + table)
    for i in range(a.news):
        rng = random.Random("%d:news:%d" % (a.seed, i))
        village, regency = rng.choice(VILLAGES)
        title = "%s di %s" % (rng.choice(["Pelatihan Pembukuan", "Lokakarya Pemasaran", "Rapat Koperasi",
                                         "Pameran Produk", "Refleksi Akhir Tahun"]), village)
        date = "%04d-%02d-%02d" % (rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28))
        slug = "%s-%s-%05d" % (date, title.lower().replace(" ", "-"), i)
        fm = ["---", "title: " + quoted(title), "date: " + date, "location: " + quoted(village + ", " + regency),
              "author: " + quoted("Relawan " + regency),
              "producers: [%s]" % ", ".join(rng.sample(producers, rng.randint(1, 3))),
              "tags: [%s]" % ", ".join(sorted(rng.sample(TAGS, 2))), "---"]
        (content / "news" / (slug + ".md")).write_text(
            "\n".join(fm) + "\n\n" + body(rng, rng.randint(300, 860), rng.choice(producers)))
    proto.unlink()
    print("%s: %d products, %d news, %d producers" % (out, a.products, a.news, len(producers)))


if __name__ == "__main__":
    main()
