import LapakCore

/// Text in both languages.
struct Words: Sendable {
    let id: String
    let en: String

    init(_ id: String, _ en: String) {
        self.id = id
        self.en = en
    }

    func callAsFunction(_ language: Language) -> String { language == .id ? id : en }
}

/// One field of an editor form, named after the front-matter key it writes. A field the content
/// model gains is one entry in `FormFields.of(_:)`.
struct FormField: Sendable {
    enum Kind: Sendable {
        case text
        case number
        case date
        /// Choices from the site: its categories, its producers, or fixed ones.
        case select(Choices)
        /// A comma-separated line written as a YAML list (`tags`).
        case list
        /// The first photo of `images`, or `image`: an upload from the phone's camera.
        case photo(folder: String)
        /// Repeatable rows of named texts (`variants`): each sub-field is a column.
        case rows([FormField])
        /// Named texts with fixed names (`certifications`: halal, pirt, bpom).
        case entries([FormField])
    }

    enum Choices: Sendable {
        case categories
        case producers
        case fixed([(value: String, label: Words)])
    }

    let key: String
    let label: Words
    let help: Words?
    let kind: Kind
    var required = false

    init(_ key: String, _ label: Words, help: Words? = nil, _ kind: Kind = .text, required: Bool = false) {
        self.key = key
        self.label = label
        self.help = help
        self.kind = kind
        self.required = required
    }
}

/// The forms of the four kinds of content, in the order a member fills them in.
enum FormFields {
    static func of(_ kind: ContentKind) -> [FormField] {
        switch kind {
        case .product: product
        case .producer: producer
        case .news: news
        case .page: page
        }
    }

    /// The field whose text names the file and the page: `title`, or a producer's `name`.
    static func titleKey(of kind: ContentKind) -> String { kind == .producer ? "name" : "title" }

    static let product: [FormField] = [
        FormField("title", Words("Nama produk", "Product name"), help: Words("Seperti yang dibaca pembeli.", "As buyers read it."), required: true),
        FormField("price", Words("Harga (Rp)", "Price (Rp)"),
                  help: Words("Angka saja, tanpa titik atau Rp. Contoh: 85000", "Digits only, no dots or Rp. Example: 85000"), .number, required: true),
        FormField("images", Words("Foto produk", "Product photo"),
                  help: Words("Ambil dengan kamera HP atau pilih dari galeri.", "Take it with the phone's camera or pick it from the gallery."),
                  .photo(folder: "images/products")),
        FormField("category", Words("Kategori", "Category"), .select(.categories), required: true),
        FormField("producer", Words("Kelompok pembuat", "Producer"), .select(.producers), required: true),
        FormField("stock", Words("Stok", "Stock"),
                  help: Words("Jumlah barang siap kirim; kosongkan bila tidak dihitung.", "Items ready to ship; leave empty if not counted."), .number),
        FormField("availability", Words("Ketersediaan", "Availability"), .select(.fixed([
            ("", Words("Tersedia", "In stock")), ("out_of_stock", Words("Habis", "Out of stock")),
            ("preorder", Words("Dibuat setelah dipesan (preorder)", "Made to order (preorder)")),
        ]))),
        FormField("available_from", Words("Siap dikirim mulai", "Ships from"), help: Words("Untuk preorder.", "For pre-orders."), .date),
        FormField("weight_grams", Words("Berat (gram)", "Weight (grams)"), help: Words("Untuk ongkos kirim. Contoh: 400", "For shipping. Example: 400"), .number),
        FormField("variants", Words("Pilihan (ukuran, warna, rasa)", "Variants (size, colour, flavour)"),
                  help: Words("Tiap pilihan dengan harganya sendiri.", "Each with its own price."),
                  .rows([FormField("name", Words("Nama pilihan", "Variant name")), FormField("price", Words("Harga", "Price"), .number)])),
        FormField("certifications", Words("Izin usaha", "Certifications"), help: Words("Nomor izin, bila ada.", "Licence numbers, if any."),
                  .entries([FormField("halal", Words("Halal", "Halal")), FormField("pirt", Words("P-IRT", "P-IRT")),
                            FormField("bpom", Words("BPOM", "BPOM"))])),
        FormField("tags", Words("Label pencarian", "Search labels"), help: Words("Pisahkan dengan koma. Contoh: anyaman, banyuwangi", "Separate with commas."), .list),
        FormField("summary", Words("Ringkasan", "Summary"),
                  help: Words("Satu kalimat untuk kartu produk; kosongkan agar diambil dari deskripsi.", "One sentence; leave empty to use the description.")),
        FormField("date", Words("Tanggal ditambahkan", "Date added"), .date),
        FormField("featured", Words("Tampilkan di halaman depan", "Show on the home page"), .select(.fixed([
            ("false", Words("Tidak", "No")), ("true", Words("Ya", "Yes")),
        ]))),
    ]

    static let producer: [FormField] = [
        FormField("name", Words("Nama kelompok", "Group name"), required: true),
        FormField("community", Words("Komunitas", "Community")),
        FormField("village", Words("Desa", "Village"), required: true),
        FormField("district", Words("Kecamatan", "District")),
        FormField("regency", Words("Kabupaten", "Regency"), required: true),
        FormField("province", Words("Provinsi", "Province")),
        FormField("whatsapp", Words("Nomor WhatsApp", "WhatsApp number"), help: Words("Contoh: 0812-3456-7890", "Example: 0812-3456-7890")),
        FormField("instagram", Words("Instagram", "Instagram")),
        FormField("facebook", Words("Facebook", "Facebook")),
        FormField("image", Words("Foto kelompok", "Group photo"), .photo(folder: "images/producers")),
    ]

    static let news: [FormField] = [
        FormField("title", Words("Judul berita", "Headline"), required: true),
        FormField("date", Words("Tanggal acara", "Date"), .date, required: true),
        FormField("location", Words("Tempat", "Place")),
        FormField("author", Words("Penulis", "Author")),
        FormField("producers", Words("Kelompok yang diceritakan", "Groups it is about"),
                  help: Words("Nama berkas kelompok, pisahkan dengan koma.", "Producer file names, separated by commas."), .list),
        FormField("tags", Words("Label pencarian", "Search labels"), .list),
        FormField("image", Words("Foto utama", "Main photo"), .photo(folder: "images/news")),
        FormField("image_alt", Words("Isi foto (untuk yang tidak dapat melihat)", "Photo description")),
        FormField("summary", Words("Ringkasan", "Summary")),
    ]

    static let page: [FormField] = [
        FormField("title", Words("Judul halaman", "Page title"), required: true),
        FormField("description", Words("Penjelasan singkat", "Short description")),
    ]
}

extension ContentKind {
    /// How the screens name each kind.
    var words: Words {
        switch self {
        case .product: Words("Produk", "Products")
        case .producer: Words("Kelompok", "Producers")
        case .news: Words("Berita", "News")
        case .page: Words("Halaman", "Pages")
        }
    }

    /// One of the kind, after "Tambah"/"Add".
    var noun: Words {
        switch self {
        case .product: Words("produk", "product")
        case .producer: Words("kelompok", "producer")
        case .news: Words("berita", "news article")
        case .page: Words("halaman", "page")
        }
    }
}
