/// Every problem Lapak can report, with its message and hint in both languages.
/// One catalog, so wording stays consistent and every message is testable.
public enum Problem: Sendable, Hashable {
    case unreadableFile(reason: String)
    case invalidUTF8
    case missingFrontMatter
    case unclosedFrontMatter
    case frontMatterNotMapping
    case yamlSyntax(detail: String)
    /// A content file's front matter YAML cannot read, named in plain words.
    case yamlSlip(YAMLSlip)
    case duplicateKey(field: String)
    case yamlAliasesNotAllowed
    case yamlTagNotAllowed
    case frontMatterTooLarge(limitKB: Int)
    case missingField(field: String, example: String)
    case emptyField(field: String, example: String)
    case notText(field: String)
    case notList(field: String)
    case notWholeNumber(field: String, value: String, example: String)
    case priceWithSeparators(field: String, value: String, suggestion: String)
    case notBoolean(field: String, value: String)
    case badDate(field: String, value: String)
    case impossibleDate(field: String, value: String)
    case badAvailability(value: String)
    case unknownCertification(key: String)
    case badWhatsApp(field: String, value: String)
    case unknownProducer(id: String, suggestion: String?, known: [String])
    case unknownCategory(id: String, suggestion: String?, known: [String])
    case invalidSlug(slug: String, suggestion: String)
    case duplicateSlug(slug: String, otherFile: String)
    case pathCollision(path: String, otherFile: String)
    case nameTwin(otherFile: String)
    case missingImage(path: String)
    case imageOutsideContent(path: String)
    case unknownField(field: String, suggestion: String?)
    case misspelledField(written: String, field: String)
    case markdownTooLarge(limitKB: Int, sizeKB: Int)
    case markdownTooDeep(limit: Int)
    case markdownBracketRun(limit: Int)
    case template(message: String)
    case missingSiteConfig
    case badBaseURL(value: String)
    case unknownTheme(name: String)
    case symlinkOutside(path: String)
    case outputInsideContent
    case writeFailed(reason: String)
    case unsafeURL(field: String, value: String)
    // Found by `lapak check`, beyond what the build needs.
    case brokenLink(url: String, suggestion: String?)
    case duplicateProduct(title: String, producer: String, otherFile: String)
    case producerWithoutProducts(id: String)
    case futureNews(date: String)
    case emptyDescription
    case priceNotSet
    case typographicQuotes(field: String, value: String)
    case catalogIDTaken(id: String, otherFile: String)
    case controlCharacter(code: String)
    case unsupportedLanguage(value: String, supported: [String])
    // Refusals of `lapak new`.
    case fileExists(path: String)
    case optionRequired(option: String, example: String, known: [String])
    case titleNotUsable(title: String)
    case photoNotFound(path: String)
    case unsupportedPhoto(path: String)
    // `lapak serve`.
    case cannotListen(address: String, reason: String)
    /// Photos, with messages of their own (`PhotoProblem`).
    case photo(PhotoProblem)
    /// What Google's or Meta's catalog rules would refuse or warn about (their own message table).
    case channel(ChannelProblem)

    public var code: String {
        switch self {
        case .unreadableFile: "unreadable-file"
        case .invalidUTF8: "invalid-utf8"
        case .missingFrontMatter: "missing-front-matter"
        case .unclosedFrontMatter: "unclosed-front-matter"
        case .frontMatterNotMapping: "front-matter-not-mapping"
        case .yamlSyntax: "yaml-syntax"
        case .yamlSlip: "yaml-syntax"
        case .duplicateKey: "duplicate-key"
        case .yamlAliasesNotAllowed: "yaml-alias"
        case .yamlTagNotAllowed: "yaml-tag"
        case .frontMatterTooLarge: "front-matter-too-large"
        case .missingField: "missing-field"
        case .emptyField: "empty-field"
        case .notText: "not-text"
        case .notList: "not-list"
        case .notWholeNumber: "not-whole-number"
        case .priceWithSeparators: "price-with-separators"
        case .notBoolean: "not-boolean"
        case .badDate: "bad-date"
        case .impossibleDate: "impossible-date"
        case .badAvailability: "bad-availability"
        case .unknownCertification: "unknown-certification"
        case .badWhatsApp: "bad-whatsapp"
        case .unknownProducer: "unknown-producer"
        case .unknownCategory: "unknown-category"
        case .invalidSlug: "invalid-slug"
        case .duplicateSlug: "duplicate-slug"
        case .pathCollision: "path-collision"
        case .nameTwin: "name-twin"
        case .missingImage: "missing-image"
        case .imageOutsideContent: "image-outside-content"
        case .unknownField: "unknown-field"
        case .misspelledField: "misspelled-field"
        case .markdownTooLarge: "markdown-too-large"
        case .markdownTooDeep: "markdown-too-deep"
        case .markdownBracketRun: "markdown-bracket-run"
        case .template: "template"
        case .missingSiteConfig: "missing-site-config"
        case .badBaseURL: "bad-base-url"
        case .unknownTheme: "unknown-theme"
        case .symlinkOutside: "symlink-outside"
        case .outputInsideContent: "output-inside-content"
        case .writeFailed: "write-failed"
        case .unsafeURL: "unsafe-url"
        case .brokenLink: "broken-link"
        case .duplicateProduct: "duplicate-product"
        case .producerWithoutProducts: "producer-without-products"
        case .futureNews: "future-news"
        case .emptyDescription: "empty-description"
        case .priceNotSet: "price-not-set"
        case .typographicQuotes: "typographic-quotes"
        case .catalogIDTaken: "catalog-id-taken"
        case .controlCharacter: "control-character"
        case .unsupportedLanguage: "unsupported-language"
        case .fileExists: "file-exists"
        case .optionRequired: "option-required"
        case .titleNotUsable: "title-not-usable"
        case .photoNotFound: "photo-not-found"
        case .unsupportedPhoto: "unsupported-photo"
        case .cannotListen: "cannot-listen"
        case .photo(let problem): problem.code
        case .channel(let problem): problem.code
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    public func text(_ language: Language) -> (message: String, hint: String?) {
        let id = language == .id
        switch self {
        case .unreadableFile(let reason):
            return id ? ("berkas tidak dapat dibaca (\(reason))", "Periksa izin berkas dan coba lagi.")
                      : ("the file cannot be read (\(reason))", "Check the file's permissions and try again.")
        case .invalidUTF8:
            return id ? ("berkas bukan teks UTF-8", "Simpan ulang berkas sebagai UTF-8 dari penyunting teks Anda.")
                      : ("the file is not UTF-8 text", "Save the file again as UTF-8 from your text editor.")
        case .missingFrontMatter:
            return id ? ("berkas tidak diawali bagian data (front matter)",
                         "Baris pertama harus `---`, lalu data seperti `title: ...`, lalu `---` lagi sebelum teks.")
                      : ("the file does not start with front matter",
                         "The first line must be `---`, then fields such as `title: ...`, then `---` again before the text.")
        case .unclosedFrontMatter:
            return id ? ("bagian data (front matter) tidak ditutup",
                         "Tambahkan baris `---` sesudah data terakhir, sebelum teks deskripsi.")
                      : ("the front matter is never closed",
                         "Add a `---` line after the last field, before the description text.")
        case .frontMatterNotMapping:
            return id ? ("bagian data harus berupa daftar `nama: nilai`", "Contoh: `title: Tas Anyaman Pandan`.")
                      : ("the front matter must be a list of `name: value` fields", "For example: `title: Tas Anyaman Pandan`.")
        case .yamlSlip(let slip):
            return slip.text(language)
        case .yamlSyntax(let detail):
            return id ? ("penulisan data (YAML) salah: \(detail)",
                         "Periksa tanda titik dua, tanda kutip dan indentasi di baris ini. Teks yang memuat `:` atau `#` perlu diberi tanda kutip.")
                      : ("the front matter (YAML) is malformed: \(detail)",
                         "Check colons, quotes and indentation on this line. Text containing `:` or `#` needs quotes.")
        case .duplicateKey(let field):
            return id ? ("kolom `\(field)` ditulis lebih dari sekali", "Hapus salah satu baris `\(field):`.")
                      : ("the field `\(field)` appears more than once", "Remove one of the `\(field):` lines.")
        case .yamlAliasesNotAllowed:
            return id ? ("anchor dan alias YAML (`&` dan `*`) tidak didukung",
                         "Tulis nilainya langsung. Jika teks diawali `*` atau `&`, beri tanda kutip.")
                      : ("YAML anchors and aliases (`&` and `*`) are not supported",
                         "Write the value out. If a text starts with `*` or `&`, put it in quotes.")
        case .yamlTagNotAllowed:
            return id ? ("tag YAML (`!…`) tidak didukung", "Tulis nilainya sebagai teks biasa. Jika teks diawali `!`, beri tanda kutip.")
                      : ("YAML tags (`!…`) are not supported", "Write the value as plain text. If a text starts with `!`, put it in quotes.")
        case .frontMatterTooLarge(let limit):
            return id ? ("bagian data lebih dari \(limit) KB", "Pindahkan teks panjang ke bagian deskripsi di bawah `---`.")
                      : ("the front matter is larger than \(limit) KB", "Move long text into the body below the `---` line.")
        case .missingField(let field, let example):
            return id ? ("kolom wajib `\(field)` belum diisi", "Tambahkan baris `\(field): \(example)` di antara kedua garis `---`.")
                      : ("the required field `\(field)` is missing", "Add a line `\(field): \(example)` between the two `---` lines.")
        case .emptyField(let field, let example):
            return id ? ("kolom `\(field)` kosong", "Isi kolom ini, misalnya `\(field): \(example)`.")
                      : ("the field `\(field)` is empty", "Fill it in, for example `\(field): \(example)`.")
        case .notText(let field):
            return id ? ("kolom `\(field)` harus berupa teks", "Tulis satu nilai teks, misalnya `\(field): \"...\"`.")
                      : ("the field `\(field)` must be text", "Write a single text value, for example `\(field): \"...\"`.")
        case .notList(let field):
            return id ? ("kolom `\(field)` harus berupa daftar", "Tulis seperti `\(field): [satu, dua]`.")
                      : ("the field `\(field)` must be a list", "Write it like `\(field): [one, two]`.")
        case .notWholeNumber(let field, let value, let example):
            return id ? ("`\(field)` harus bilangan bulat 0 atau lebih, bukan `\(value)`",
                         "Tulis angka saja tanpa titik, koma atau `Rp`, misalnya `\(field): \(example)`.")
                      : ("`\(field)` must be a whole number of 0 or more, not `\(value)`",
                         "Write digits only, without dots, commas or `Rp`, for example `\(field): \(example)`.")
        case .priceWithSeparators(let field, let value, let suggestion):
            return id ? ("`\(field)` ditulis dengan pemisah ribuan (`\(value)`)",
                         "Tulis harga dalam Rupiah tanpa titik: `\(field): \(suggestion)`.")
                      : ("`\(field)` is written with thousands separators (`\(value)`)",
                         "Write the price in whole Rupiah without dots: `\(field): \(suggestion)`.")
        case .notBoolean(let field, let value):
            return id ? ("`\(field)` harus `true` atau `false`, bukan `\(value)`", "Tulis `\(field): true` atau `\(field): false`.")
                      : ("`\(field)` must be `true` or `false`, not `\(value)`", "Write `\(field): true` or `\(field): false`.")
        case .badDate(let field, let value):
            return id ? ("tanggal `\(value)` pada `\(field)` tidak dikenali",
                         "Tulis tanggal sebagai TAHUN-BULAN-HARI, misalnya `\(field): 2025-12-13` (jam boleh ditambahkan: `2025-12-13 09:30`).")
                      : ("the date `\(value)` in `\(field)` is not recognised",
                         "Write the date as YEAR-MONTH-DAY, for example `\(field): 2025-12-13` (a time may follow: `2025-12-13 09:30`).")
        case .impossibleDate(let field, let value):
            return id ? ("tanggal `\(value)` pada `\(field)` tidak ada di kalender", "Periksa hari dan bulannya.")
                      : ("the date `\(value)` in `\(field)` does not exist", "Check the day and the month.")
        case .badAvailability(let value):
            return id ? ("`availability` tidak dikenal: `\(value)`",
                         "Pilih salah satu: `in_stock` (tersedia), `out_of_stock` (habis) atau `preorder` (pesan dulu).")
                      : ("unknown `availability`: `\(value)`",
                         "Choose one of `in_stock`, `out_of_stock` or `preorder`.")
        case .unknownCertification(let key):
            return id ? ("jenis sertifikasi `\(key)` tidak dikenal", "Gunakan `halal`, `pirt` atau `bpom`.")
                      : ("unknown certification `\(key)`", "Use `halal`, `pirt` or `bpom`.")
        case .badWhatsApp(let field, let value):
            return id ? ("nomor WhatsApp `\(value)` pada `\(field)` bukan nomor HP Indonesia",
                         "Tulis nomor HP seperti `0812-3456-7890` atau `+62 812-3456-7890`.")
                      : ("the WhatsApp number `\(value)` in `\(field)` is not an Indonesian mobile number",
                         "Write a mobile number such as `0812-3456-7890` or `+62 812-3456-7890`.")
        case .unknownProducer(let pid, let suggestion, let known):
            return (id ? "kelompok produsen `\(pid)` tidak ditemukan" : "the producer `\(pid)` does not exist",
                    Self.choiceHint(language, suggestion: suggestion, known: known,
                                    folder: "content/producers/"))
        case .unknownCategory(let cid, let suggestion, let known):
            return (id ? "kategori `\(cid)` tidak ada di `site.yml`" : "the category `\(cid)` is not listed in `site.yml`",
                    Self.choiceHint(language, suggestion: suggestion, known: known, folder: "content/site.yml"))
        case .invalidSlug(let slug, let suggestion):
            return id ? ("nama alamat `\(slug)` tidak aman untuk URL",
                         "Gunakan huruf kecil, angka dan tanda hubung saja, misalnya `\(suggestion)` (ganti nama berkas atau isi `slug:`).")
                      : ("the slug `\(slug)` is not URL-safe",
                         "Use lower-case letters, digits and hyphens only, for example `\(suggestion)` (rename the file or set `slug:`).")
        case .duplicateSlug(let slug, let other):
            return id ? ("alamat `\(slug)` sudah dipakai oleh \(other)", "Ganti nama salah satu berkas atau isi `slug:` yang berbeda.")
                      : ("the slug `\(slug)` is already used by \(other)", "Rename one of the files or give it a different `slug:`.")
        case .pathCollision(let path, let other):
            return id ? ("halaman `\(path)` juga dihasilkan oleh \(other)", "Ganti nama salah satu berkas.")
                      : ("the page `\(path)` is also produced by \(other)", "Rename one of the files.")
        case .nameTwin(let other):
            return id ? ("nama berkas ini hanya berbeda huruf besar-kecil atau bentuk aksennya dari \(other)",
                         "Di banyak komputer keduanya menjadi berkas yang sama. Hapus salah satu, atau beri nama yang jelas berbeda.")
                      : ("this file's name differs from \(other) only in letter case or in how its accents are encoded",
                         "On many computers both are the same file. Delete one, or give it a clearly different name.")
        case .missingImage(let path):
            return id ? ("gambar `\(path)` tidak ditemukan",
                         "Simpan foto di `content/\(path)` atau perbaiki namanya (huruf besar/kecil berpengaruh).")
                      : ("the image `\(path)` does not exist",
                         "Put the photo at `content/\(path)` or fix its name (letter case matters).")
        case .imageOutsideContent(let path):
            return id ? ("gambar `\(path)` berada di luar folder `content/`", "Simpan foto di `content/images/` dan tulis `images/nama.jpg`.")
                      : ("the image `\(path)` is outside the `content/` folder", "Put the photo in `content/images/` and write `images/name.jpg`.")
        case .misspelledField(let written, let field):
            return id ? ("`\(written)` harus ditulis `\(field)`",
                         "Ganti `\(written):` menjadi `\(field):`. Nama kolom ditulis dalam bahasa Inggris; isinya boleh bahasa apa saja.")
                      : ("`\(written)` should be written `\(field)`",
                         "Rename `\(written):` to `\(field):`. Field names are in English; what they hold can be in any language.")
        case .unknownField(let field, let suggestion):
            if let suggestion {
                return id ? ("kolom `\(field)` tidak dikenal; maksudnya `\(suggestion)`?", "Ganti `\(field):` menjadi `\(suggestion):`.")
                          : ("unknown field `\(field)`; did you mean `\(suggestion)`?", "Rename `\(field):` to `\(suggestion):`.")
            }
            return id ? ("kolom `\(field)` tidak dikenal dan akan diabaikan", "Periksa ejaannya, atau hapus baris ini.")
                      : ("unknown field `\(field)` will be ignored", "Check its spelling, or remove the line.")
        case .markdownTooLarge(let limit, let size):
            // A product is one file: "split it" is no advice. Say what makes a text this long.
            return id ? ("tulisan di bawah `---` berukuran \(size) KB, lebih dari batas \(limit) KB",
                         "Perpendek tulisannya: pembeli membacanya di HP, beberapa paragraf sudah cukup. Hapus bagian yang tersalin berulang kali, tabel atau daftar yang sangat panjang, dan gambar yang tertempel sebagai teks; foto dimasukkan lewat `images:`.")
                      : ("the text below `---` is \(size) KB, more than the limit of \(limit) KB",
                         "Shorten it: buyers read it on a phone, and a few paragraphs are enough. Remove parts pasted more than once, very long tables or lists, and pictures pasted in as text; photos go in `images:`.")
        case .markdownTooDeep(let limit):
            return id ? ("daftar atau kutipan bersarang lebih dari \(limit) tingkat", "Kurangi tingkat daftar atau kutipan (`>`).")
                      : ("lists or block quotes are nested more than \(limit) levels deep", "Reduce the nesting of lists or quotes (`>`).")
        case .markdownBracketRun(let limit):
            return id ? ("terlalu banyak tanda kurung siku atau tautan berturut-turut (lebih dari \(limit))", "Hapus tanda `[` atau `![` yang berlebihan.")
                      : ("too many brackets or links in a row (more than \(limit))", "Remove the excess `[` or `![`.")
        case .template(let message):
            return id ? ("templat salah: \(message)", "Perbaiki templat tema di baris ini.")
                      : ("template error: \(message)", "Fix the theme template at this line.")
        case .missingSiteConfig:
            return id ? ("berkas `content/site.yml` tidak ditemukan", "Buat `content/site.yml` berisi minimal `title:` dan `base_url:`.")
                      : ("`content/site.yml` is missing", "Create `content/site.yml` with at least `title:` and `base_url:`.")
        case .badBaseURL(let value):
            return id ? ("`base_url` harus alamat http(s) lengkap, bukan `\(value)`", "Contoh: `base_url: https://lapak.example.org/`.")
                      : ("`base_url` must be a full http(s) address, not `\(value)`", "For example: `base_url: https://lapak.example.org/`.")
        case .unknownTheme(let name):
            return id ? ("tema `\(name)` tidak ditemukan", "Buat folder `themes/\(name)/` atau hapus baris `theme:` untuk memakai tema bawaan.")
                      : ("the theme `\(name)` does not exist", "Create `themes/\(name)/` or remove the `theme:` line to use the built-in theme.")
        case .symlinkOutside(let path):
            return id ? ("tautan simbolik `\(path)` menunjuk ke luar folder situs", "Salin berkasnya ke dalam folder situs.")
                      : ("the symbolic link `\(path)` points outside the site folder", "Copy the file into the site folder instead.")
        case .outputInsideContent:
            return id ? ("folder keluaran tidak boleh berada di dalam `content/` atau `themes/`", "Pilih folder lain dengan `--output`.")
                      : ("the output folder must not be inside `content/` or `themes/`", "Choose another folder with `--output`.")
        case .writeFailed(let reason):
            return id ? ("situs tidak dapat ditulis: \(reason)", "Periksa ruang disk dan izin folder keluaran.")
                      : ("the site could not be written: \(reason)", "Check disk space and the output folder's permissions.")
        case .unsafeURL(let field, let value):
            return id ? ("alamat `\(value)` pada `\(field)` tidak aman dan diganti", "Gunakan alamat yang diawali `https://`, `http://`, `mailto:`, `tel:` atau `/`.")
                      : ("the address `\(value)` in `\(field)` is unsafe and was replaced", "Use an address starting with `https://`, `http://`, `mailto:`, `tel:` or `/`.")
        case .brokenLink(let url, let suggestion):
            if let suggestion {
                return id ? ("tautan `\(url)` tidak menuju halaman mana pun di situs ini", "Maksudnya `\(suggestion)`?")
                          : ("the link `\(url)` leads to no page of this site", "Did you mean `\(suggestion)`?")
            }
            return id ? ("tautan `\(url)` tidak menuju halaman mana pun di situs ini",
                         "Buka halaman yang dituju dengan `lapak serve` dan salin alamatnya dari bilah alamat peramban.")
                      : ("the link `\(url)` leads to no page of this site",
                         "Open the page you mean with `lapak serve` and copy its address from the browser's address bar.")
        case .duplicateProduct(let title, let producer, let other):
            return id ? ("produk `\(title)` dari `\(producer)` sudah ada di \(other)",
                         "Jika produknya sama, hapus salah satu berkas; jika berbeda, bedakan judulnya (misalnya dengan ukuran atau rasa).")
                      : ("the product `\(title)` by `\(producer)` already exists in \(other)",
                         "If it is the same product, delete one of the files; if not, make the titles differ (for example by size or flavour).")
        case .producerWithoutProducts(let pid):
            return id ? ("kelompok `\(pid)` belum punya produk", "Tambahkan produknya dengan `lapak new product \"Nama Produk\" --producer \(pid)`.")
                      : ("the producer `\(pid)` has no products yet", "Add one with `lapak new product \"Product name\" --producer \(pid)`.")
        case .futureNews(let date):
            return id ? ("berita bertanggal `\(date)`, hari yang belum tiba",
                         "Periksa tahun, bulan dan harinya. Berita ini tetap diterbitkan, di urutan paling atas.")
                      : ("the news is dated `\(date)`, a day still to come",
                         "Check the year, month and day. The article is published all the same, at the top of the list.")
        case .controlCharacter(let code):
            return id ? ("ada karakter tak terlihat (\(code)) di sini, biasanya ikut tersalin dari aplikasi lain",
                         "Hapus karakter itu: ketik ulang kata di tempat ini. Katalog Google dan Facebook menolak seluruh berkas bila ada karakter ini.")
                      : ("there is an invisible character (\(code)) here, usually copied in from another app",
                         "Delete it: type the words at this place again. Google's and Facebook's catalogs refuse the whole file when it holds one.")
        case .catalogIDTaken(let catalogID, let other):
            return id ? ("alamat produk ini, `\(catalogID)`, sama dengan kode katalog salah satu varian di \(other)",
                         "Google dan Facebook memerlukan kode yang berbeda untuk setiap barang. Beri produk ini `slug:` lain, atau ganti nama varian itu.")
                      : ("this product's address, `\(catalogID)`, is the catalog id of a variant in \(other)",
                         "Google and Facebook need a different id for every item. Give this product another `slug:`, or rename that variant.")
        case .typographicQuotes(let field, let value):
            return id ? ("tanda kutip miring di sekitar `\(field)` dilepas; yang diterbitkan: \(value)",
                         "Pakai tanda kutip lurus atau tanpa tanda kutip, misalnya `\(field): \"\(value)\"`, agar pesan ini hilang.")
                      : ("the curly quotes around `\(field)` were taken off; published: \(value)",
                         "Use straight quotes or none, for example `\(field): \"\(value)\"`, and this message goes away.")
        case .priceNotSet:
            return id ? ("harga produk belum diisi",
                         "Tulis harga dalam Rupiah, angka saja, misalnya `price: 85000`. Bila harganya belum pasti, tulis `draft: true` agar produk ini belum tampil.")
                      : ("the product's price is not filled in",
                         "Write the price in Rupiah, digits only, for example `price: 85000`. If the price is not settled yet, write `draft: true` so the product stays hidden.")
        case .emptyDescription:
            return id ? ("produk ini belum punya deskripsi",
                         "Tulis di bawah baris `---` yang kedua: bahan, ukuran, cara membuat, cara memesan. Pembeli ingin tahu sebelum memesan.")
                      : ("this product has no description yet",
                         "Write it below the second `---` line: materials, size, how it is made, how to order. Buyers want to know before they order.")
        case .unsupportedLanguage(let value, let supported):
            let list = supported.map { "`\($0)`" }.joined(separator: ", ")
            return id ? ("bahasa `\(value)` tidak tersedia; yang tersedia: \(list)",
                         "Tulis `language: id` untuk Bahasa Indonesia atau `language: en` untuk bahasa Inggris.")
                      : ("the language `\(value)` is not available; available: \(list)",
                         "Write `language: id` for Bahasa Indonesia or `language: en` for English.")
        case .fileExists(let path):
            return id ? ("berkas `\(path)` sudah ada dan tidak akan ditimpa", "Buka berkas itu untuk mengubahnya, atau pakai judul lain.")
                      : ("the file `\(path)` already exists and will not be overwritten", "Open that file to change it, or use another title.")
        case .optionRequired(let option, let example, let known):
            var hint = id ? "Contoh: `\(option) \(example)`." : "For example: `\(option) \(example)`."
            if !known.isEmpty { hint += " " + Self.choiceHint(language, suggestion: nil, known: known, folder: "") }
            return (id ? "pilihan `\(option)` wajib diisi" : "the option `\(option)` is required", hint)
        case .titleNotUsable(let title):
            return id ? ("judul `\(title)` tidak bisa dijadikan nama berkas", "Judul perlu memuat huruf atau angka, misalnya `Tas Anyaman Pandan`.")
                      : ("the title `\(title)` cannot become a file name", "The title needs letters or digits, for example `Tas Anyaman Pandan`.")
        case .photoNotFound(let path):
            return id ? ("foto `\(path)` tidak ditemukan", "Periksa letak dan nama berkasnya, misalnya `--image ~/Unduhan/tas.jpg`.")
                      : ("the photo `\(path)` does not exist", "Check where the file is and its name, for example `--image ~/Downloads/tas.jpg`.")
        case .unsupportedPhoto(let path):
            return id ? ("berkas `\(path)` bukan foto JPEG, PNG, WebP, GIF atau HEIC", "Simpan ulang fotonya sebagai JPEG, lalu coba lagi.")
                      : ("the file `\(path)` is not a JPEG, PNG, WebP, GIF or HEIC photo", "Save the photo again as JPEG, then try again.")
        case .photo(let problem):
            return problem.text(language)
        case .channel(let problem):
            return problem.text(language)
        case .cannotListen(let address, let reason):
            return id ? ("tidak dapat membuka `\(address)` (\(reason))",
                         "Mungkin `lapak serve` lain sedang berjalan. Hentikan dulu, atau pilih nomor lain, misalnya `--port 8081`.")
                      : ("cannot listen on `\(address)` (\(reason))",
                         "Another `lapak serve` may be running. Stop it first, or choose another number, for example `--port 8081`.")
        }
    }

    /// `1,5` in Indonesian, `1.5` in English: sizes as people read them.
    static func megabytes(_ bytes: Int, _ language: Language) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10)\(language == .id ? "," : ".")\(tenths % 10)"
    }

    private static func choiceHint(_ language: Language, suggestion: String?, known: [String], folder: String) -> String {
        let id = language == .id
        var hint = ""
        if let suggestion {
            hint = id ? "Maksudnya `\(suggestion)`? " : "Did you mean `\(suggestion)`? "
        }
        if known.isEmpty {
            hint += id ? "Belum ada satu pun di \(folder)." : "There are none yet in \(folder)."
        } else {
            let shown = known.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
            let more = known.count > 12 ? (id ? ", dan \(known.count - 12) lainnya" : ", and \(known.count - 12) more") : ""
            hint += (id ? "Yang tersedia: " : "Known: ") + shown + more + "."
        }
        return hint
    }
}
