/// The front-matter fields each kind of file knows, and "did you mean" suggestions for the rest.
enum KnownFields {
    static let product: [String] = [
        "title", "price", "category", "producer", "images", "stock", "availability", "available_from", "made_to_order",
        "sale_price", "sale_from", "sale_until", "shipping", "returns_days", "weight_grams", "weight",
        "tags", "date", "featured", "summary", "variants", "certifications", "draft", "slug",
        "categories", // Hugo's taxonomy list; accepted so a Hugo-style file builds as it is
    ]
    /// The fields of one item of `variants:`.
    static let variant: [String] = ["name", "price", "stock", "image"] + Variant.Attribute.allCases.map(\.rawValue)
    static let producer: [String] = [
        "name", "community", "village", "district", "regency", "province", "whatsapp", "instagram", "facebook",
        "image", "draft", "title",
    ]
    static let news: [String] = [
        "title", "date", "location", "author", "producers", "tags", "image", "image_alt", "summary", "draft", "slug",
    ]
    static let page: [String] = ["title", "description", "draft", "slug"]

    /// What contributors write in Indonesian (or misspell) for the English field names.
    static let synonyms: [String: String] = [
        "harga": "price", "judul": "title", "nama": "name", "kategori": "category", "produsen": "producer",
        "kelompok": "producer", "gambar": "images", "foto": "images", "image": "images", "stok": "stock",
        "berat": "weight_grams", "tanggal": "date", "penulis": "author", "lokasi": "location", "tempat": "location",
        "desa": "village", "kecamatan": "district", "kabupaten": "regency", "provinsi": "province",
        "ringkasan": "summary", "varian": "variants", "variant": "variants", "label": "tags", "tag": "tags",
        "sertifikat": "certifications", "sertifikasi": "certifications", "wa": "whatsapp", "whatsApp": "whatsapp",
        "ketersediaan": "availability", "unggulan": "featured", "deskripsi": "description", "komunitas": "community",
        "producers": "producer", "draf": "draft", "ketersedian": "availability",
        "ukuran": "size", "warna": "color", "colour": "color", "bahan": "material", "motif": "pattern",
        "pesanan": "made_to_order", "harga_promo": "sale_price", "harga_diskon": "sale_price", "diskon": "sale_price",
        "promo_mulai": "sale_from", "promo_sampai": "sale_until",
        "pengiriman": "shipping", "ongkir": "shipping", "pengembalian": "returns_days", "retur": "returns_days", "dibuat_setelah_dipesan": "made_to_order", "tanggal_siap": "available_from",
    ]

    static func suggestion(for field: String, among known: [String]) -> String? {
        if let mapped = synonyms[field] ?? synonyms[field.lowercased()], known.contains(mapped) { return mapped }
        if known.contains(field.lowercased()) { return field.lowercased() }
        return closest(to: field, among: known, maxDistance: 2)
    }

    /// The known word within `maxDistance` edits of `word`, preferring the nearest.
    static func closest(to word: String, among candidates: [String], maxDistance: Int = 2) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate)
            let limit = min(maxDistance, max(1, candidate.count / 3))
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
