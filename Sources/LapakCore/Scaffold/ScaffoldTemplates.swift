/// The text of each new file: every field present, each with a short comment in Indonesian
/// saying what it means and giving an example. Empty optional fields are left blank (YAML null),
/// so the file builds as it is and the contributor sees what can be filled in.
enum ScaffoldTemplates {
    struct Product {
        let title: String
        let slug: String
        /// nil leaves `price:` empty for the member to fill in; the build says so at that line.
        let price: Int?
        let category: String
        let categories: [String]
        let producer: String
        let producerName: String
        let image: String
        let date: ContentDate
    }

    static func product(_ p: Product) -> String {
        let q = YAMLText.quoted
        let choices = p.categories.isEmpty ? "" : ", salah satu dari: " + p.categories.joined(separator: ", ")
        return """
        ---
        # Nama produk, seperti yang dibaca pembeli.
        title: \(q(p.title))
        # Harga dalam Rupiah, angka saja tanpa titik atau "Rp". Wajib diisi. Contoh: 85000
        price: \(p.price.map(String.init) ?? "")
        # Kategori\(choices) (daftarnya di content/site.yml).
        category: \(p.category)
        # Kelompok pembuat: nama berkasnya di content/producers/ tanpa ".md".
        producer: \(p.producer)
        # Foto produk di folder content/. Foto pertama tampil di daftar produk; tambah foto lain
        # dengan baris "- src: ..." yang sama. "alt" menjelaskan isi foto bagi yang tidak dapat melihatnya.
        images:
          - src: \(p.image)
            alt: \(q(p.title))
        # Jumlah barang yang siap dikirim; kosongkan bila tidak dihitung. Contoh: 12
        stock:
        # Kosongkan bila barang tersedia. Atau isi: out_of_stock (habis) atau preorder (pesan sekarang,
        # dikirim pada tanggal available_from).
        availability:
        # Untuk preorder: tanggal barang siap dikirim (TAHUN-BULAN-HARI), wajib. Contoh: 2026-01-15
        available_from:
        # Barang yang baru dibuat setelah dipesan (nasi kotak, anyaman pesanan): berapa hari membuatnya. Contoh: 3
        made_to_order:
        # Harga promo (lebih murah dari price), dengan tanggal mulai dan terakhirnya bila ada. Contoh: 70000
        sale_price:
        sale_from:
        sale_until:
        # Berat satu barang dalam gram, untuk menghitung ongkos kirim. Contoh: 400
        weight_grams:
        # Pilihan dengan harga sendiri. Sebutkan bedanya dengan size (ukuran), color (warna),
        # material (bahan) atau pattern (motif), agar Google dan Facebook mengenalinya; stock dan
        # image boleh diisi bila berbeda. Contoh:
        #   variants:
        #     - name: "Besar (40 × 32 cm)"
        #       size: "Besar"
        #       price: 165000
        variants: []
        # Nomor izin usaha: halal, pirt atau bpom. Contoh: { pirt: "P-IRT 1234567890123-45" }
        certifications: {}
        # Label untuk pencarian, huruf kecil. Contoh: [anyaman, banyuwangi]
        tags: []
        # Tanggal produk ditambahkan (TAHUN-BULAN-HARI); yang terbaru tampil lebih dulu.
        date: \(p.date.isoDate)
        # Tampilkan di halaman depan? true atau false.
        featured: false
        # Ringkasan satu kalimat untuk kartu produk; kosongkan agar diambil dari paragraf pertama.
        summary:
        # Alamat halaman; kosongkan agar memakai nama berkas (\(p.slug)).
        slug:
        # Isi true untuk menyembunyikan produk ini sementara.
        draft: false
        ---
        <!-- Ceritakan produknya di bawah ini: bahan, ukuran, cara membuat, cara merawat dan cara memesan. Baris ini tidak tampil di situs. -->
        \(MarkdownText.escaped(p.title)) buatan \(MarkdownText.escaped(p.producerName)).

        """
    }

    struct News {
        let title: String
        let slug: String
        let date: String
        let producers: [String]
        let image: String?
    }

    static func news(_ n: News) -> String {
        let q = YAMLText.quoted
        return """
        ---
        # Judul berita.
        title: \(q(n.title))
        # Tanggal acara (TAHUN-BULAN-HARI); jam boleh ditambahkan, misalnya 2025-12-13 09:30
        date: \(n.date)
        # Tempat acara. Contoh: "Balai Desa Gogodeso, Blitar"
        location:
        # Nama penulis. Contoh: "Relawan INFEST"
        author:
        # Kelompok yang diceritakan: nama berkasnya di content/producers/. Contoh: [kopi-gogodeso, kopi-jatinom]
        producers: [\(n.producers.joined(separator: ", "))]
        # Label untuk pencarian, huruf kecil. Contoh: [pelatihan, blitar]
        tags: []
        # Foto utama di folder content/. Contoh: images/news/\(n.slug).jpg
        image:\(n.image.map { " " + $0 } ?? "")
        # Penjelasan isi foto bagi yang tidak dapat melihatnya. Contoh: "Peserta pelatihan berfoto bersama"
        image_alt:
        # Ringkasan satu atau dua kalimat; kosongkan agar diambil dari paragraf pertama.
        summary:
        # Alamat halaman; kosongkan agar memakai nama berkas tanpa tanggal (\(n.slug)).
        slug:
        # Isi true untuk menyembunyikan berita ini sementara.
        draft: false
        ---
        <!-- Tulis beritanya di bawah ini: apa yang terjadi, siapa yang terlibat, dan apa hasilnya. Baris ini tidak tampil di situs. -->
        Tulis isi berita di sini.

        """
    }

    struct Producer {
        let name: String
        let id: String
        let village: String
        let regency: String
        let whatsapp: String?
        let image: String?
    }

    static func producer(_ p: Producer) -> String {
        let q = YAMLText.quoted
        return """
        ---
        # Nama kelompok, seperti yang dibaca pembeli.
        name: \(q(p.name))
        # Komunitas atau jaringannya. Contoh: "KOPI", "Desbumi" atau "Koperasi PMK"
        community:
        # Desa.
        village: \(q(p.village))
        # Kecamatan. Contoh: "Tegaldlimo"
        district:
        # Kabupaten.
        regency: \(q(p.regency))
        # Provinsi. Contoh: "Jawa Timur"
        province:
        # Nomor WhatsApp untuk pesanan, ditulis seperti biasa. Contoh: "0812-3456-7890"
        whatsapp:\(p.whatsapp.map { " " + q($0) } ?? "")
        # Nama akun Instagram tanpa @. Contoh: "desbumi.kedunggebang"
        instagram:
        # Alamat halaman Facebook. Contoh: "https://facebook.com/desbumi.kedunggebang"
        facebook:
        # Foto kelompok di folder content/. Contoh: images/producers/\(p.id).jpg
        image:\(p.image.map { " " + $0 } ?? "")
        # Isi true untuk menyembunyikan kelompok ini sementara.
        draft: false
        ---
        <!-- Ceritakan kelompoknya di bawah ini: siapa anggotanya, sejak kapan berusaha, apa yang dibuat dan cara memesan. Baris ini tidak tampil di situs. -->
        \(MarkdownText.escaped(p.name)) adalah kelompok usaha di Desa \(MarkdownText.escaped(p.village)), \(MarkdownText.escaped(p.regency)).

        """
    }

    static func page(title: String, slug: String) -> String {
        """
        ---
        # Judul halaman.
        title: \(YAMLText.quoted(title))
        # Keterangan singkat untuk mesin pencari dan pratinjau tautan; kosongkan agar diambil dari paragraf pertama.
        description:
        # Alamat halaman; kosongkan agar memakai nama berkas (/\(slug)/).
        slug:
        # Isi true untuk menyembunyikan halaman ini sementara.
        draft: false
        ---
        <!-- Tulis isi halaman di bawah ini. Baris ini tidak tampil di situs. -->
        Tulis isi halaman di sini.

        """
    }
}
