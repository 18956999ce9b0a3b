import Foundation
import PhotoFixtures
import Testing
@testable import LapakCore

/// `lapak new`: what it writes loads cleanly, it never overwrites, and it refuses what cannot work.
@Suite struct ScaffoldTests {
    /// 2025-12-13 20:00 UTC, already 2025-12-14 in Indonesia (WIB).
    static let clock = Date(timeIntervalSince1970: Double(ContentDate(year: 2025, month: 12, day: 13, hour: 20, offsetMinutes: 0).epochSeconds))

    func request(_ kind: ScaffoldRequest.Kind, _ title: String, in site: TestSite) -> ScaffoldRequest {
        ScaffoldRequest(kind: kind, title: title, sourceDirectory: site.root, now: Self.clock)
    }

    func text(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
    }

    @Test func productWithPhotoLoadsWithoutAnyDiagnostic() throws {
        let site = try TestSite()
        try site.writeBytes("foto-saya.jpg", TestSite.sampleJPEG)
        var request = request(.product, "Tas Anyaman Pandan", in: site)
        request.producers = ["desbumi-kedunggebang"]
        request.photo = site.root + "/foto-saya.jpg"
        request.price = 85000
        let (result, diagnostics) = Scaffolder.run(request)
        #expect(diagnostics.isEmpty)
        #expect(result == ScaffoldResult(file: "content/products/tas-anyaman-pandan.md",
                                         copiedPhoto: "content/images/products/tas-anyaman-pandan.jpg", photoToAdd: nil))
        let (content, loaded) = site.load()
        #expect(loaded.isEmpty, "\(loaded.map { $0.formatted(.en) })")
        let product = try #require(content?.products.first { $0.slug == "tas-anyaman-pandan" })
        #expect(product.title == "Tas Anyaman Pandan")
        #expect(product.price == 85000)
        #expect(product.category == "tas-anyaman")
        #expect(product.images.map(\.path) == ["images/products/tas-anyaman-pandan.jpg"])
        #expect(product.date == ContentDate(year: 2025, month: 12, day: 14))
        #expect(try Site.assemble(#require(content)).diagnostics.isEmpty)
    }

    @Test func everyFieldIsPresentWithAnIndonesianComment() throws {
        let site = try TestSite()
        var request = request(.product, "Tas Anyaman Pandan", in: site)
        request.producers = ["desbumi-kedunggebang"]
        _ = Scaffolder.run(request)
        let written = try text(site, "content/products/tas-anyaman-pandan.md")
        for field in ["title", "price", "category", "producer", "images", "stock", "availability", "available_from",
                      "made_to_order", "sale_price", "sale_from", "sale_until", "weight_grams", "variants", "certifications", "tags", "date", "featured", "summary", "slug", "draft"] {
            #expect(written.contains("\n\(field):"), "missing \(field)")
        }
        // No price is invented: the member fills it in, and until then the build says so at this line.
        #expect(written.contains("# Harga dalam Rupiah, angka saja tanpa titik atau \"Rp\". Wajib diisi. Contoh: 85000\nprice: \n"))
        try site.writeBytes("content/images/products/tas-anyaman-pandan.jpg", TestSite.sampleJPEG)
        let diagnostics = site.load().1
        #expect(diagnostics.map(\.code) == ["price-not-set"])
        #expect(diagnostics.first?.location.description == "content/products/tas-anyaman-pandan.md:5:1")
        #expect(diagnostics.first?.message(.id) == "harga produk belum diisi")
        #expect(written.contains("# Kategori, salah satu dari: tas-anyaman, jamu (daftarnya di content/site.yml).\ncategory: tas-anyaman\n"))
    }

    @Test func productWithoutPhotoNamesWhereToSaveIt() throws {
        let site = try TestSite()
        var request = request(.product, "Tas Anyaman Pandan", in: site)
        request.price = 85000
        request.producers = ["desbumi-kedunggebang"]
        let result = try #require(Scaffolder.run(request).result)
        #expect(result.photoToAdd == "content/images/products/tas-anyaman-pandan.jpg")
        #expect(result.summary(.id) == """
        Berkas baru: content/products/tas-anyaman-pandan.md
        Foto belum ada: simpan foto produknya sebagai content/images/products/tas-anyaman-pandan.jpg.
        Langkah berikutnya: lengkapi isi berkas itu, lalu periksa dan lihat hasilnya:
          lapak check
          lapak serve
        """)
        #expect(result.summary(.en, source: "situs kami").hasSuffix("  lapak check --source 'situs kami'\n  lapak serve --source 'situs kami'"))
        // The one thing left to do is the photo, and the loader says exactly that, at the images line.
        let diagnostics = site.load().1
        #expect(diagnostics.map(\.code) == ["missing-image"])
        #expect(diagnostics.first?.message(.id) == "gambar `images/products/tas-anyaman-pandan.jpg` tidak ditemukan")
        try site.writeBytes("content/images/products/tas-anyaman-pandan.jpg", TestSite.sampleJPEG)
        #expect(site.load().1.isEmpty)
    }

    @Test func aPhotoAlreadySavedUnderTheNameIsUsed() throws {
        let site = try TestSite()
        try site.writeBytes("content/images/products/keranjang-pandan.png", Self.tinyPNG)
        var request = request(.product, "Keranjang Pandan", in: site)
        request.price = 85000
        request.producers = ["desbumi-kedunggebang"]
        let result = try #require(Scaffolder.run(request).result)
        #expect(result.photoToAdd == nil)
        #expect(try text(site, result.file).contains("  - src: images/products/keranjang-pandan.png\n"))
        #expect(site.load().1.isEmpty)
    }

    @Test func neverOverwrites() throws {
        let site = try TestSite()
        var request = request(.product, "Tas Anyaman Pandan", in: site)
        request.producers = ["desbumi-kedunggebang"]
        #expect(Scaffolder.run(request).result != nil)
        try site.write("content/products/tas-anyaman-pandan.md", "tulisan saya")
        let (result, diagnostics) = Scaffolder.run(request)
        #expect(result == nil)
        let d = try #require(diagnostics.first)
        #expect(d.code == "file-exists")
        #expect(d.message(.id) == "berkas `content/products/tas-anyaman-pandan.md` sudah ada dan tidak akan ditimpa")
        #expect(d.message(.en) == "the file `content/products/tas-anyaman-pandan.md` already exists and will not be overwritten")
        #expect(try text(site, "content/products/tas-anyaman-pandan.md") == "tulisan saya")
    }

    @Test func neverOverwritesAPhotoEither() throws {
        let site = try TestSite()
        try site.writeBytes("foto.jpg", TestSite.sampleJPEG)
        try site.write("content/images/products/tas-baru.jpg", "foto lama")
        var request = request(.product, "Tas Baru", in: site)
        request.producers = ["desbumi-kedunggebang"]
        request.photo = site.root + "/foto.jpg"
        let (result, diagnostics) = Scaffolder.run(request)
        #expect(result == nil)
        #expect(diagnostics.map(\.code) == ["file-exists"])
        #expect(try text(site, "content/images/products/tas-baru.jpg") == "foto lama")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/content/products/tas-baru.md"))
    }

    @Test func refusesAnUnknownProducerAndListsTheKnownOnes() throws {
        let site = try TestSite()
        var request = request(.product, "Tas Anyaman Pandan", in: site)
        request.producers = ["desbumi-kedungebang"]
        let (result, diagnostics) = Scaffolder.run(request)
        #expect(result == nil)
        let d = try #require(diagnostics.first)
        #expect(d.location.file == "--producer")
        #expect(d.message(.id) == "kelompok produsen `desbumi-kedungebang` tidak ditemukan")
        #expect(d.hint(.id) == "Maksudnya `desbumi-kedunggebang`? Yang tersedia: `desbumi-kedunggebang`.")
        #expect(d.hint(.en) == "Did you mean `desbumi-kedunggebang`? Known: `desbumi-kedunggebang`.")
        #expect(FileSystem.list(site.root + "/content/products").isEmpty)
    }

    @Test func aRefusedProducerComesWithTheFullList() throws {
        let site = try TestSite(files: ["content/producers/kopi-lorejo.md": "---\nname: KOPI Lorejo\nvillage: Lorejo\nregency: Blitar\n---\nCerita.\n"])
        #expect(ProducerList.text(sourceDirectory: site.root, language: .id) == """
        Kelompok yang tersedia (--producer):
          desbumi-kedunggebang  Desbumi Kedunggebang
          kopi-lorejo           KOPI Lorejo
        """)
        #expect(ProducerList.isAbout(Scaffolder.run(request(.product, "Tas", in: site)).diagnostics))
    }

    @Test func aProductNeedsItsProducer() throws {
        let site = try TestSite()
        let d = try #require(Scaffolder.run(request(.product, "Tas", in: site)).diagnostics.first)
        #expect(d.code == "option-required")
        #expect(d.message(.id) == "pilihan `--producer` wajib diisi")
        #expect(d.hint(.id) == "Contoh: `--producer desbumi-kedunggebang`. Yang tersedia: `desbumi-kedunggebang`.")
        #expect(d.message(.en) == "the option `--producer` is required")
    }

    @Test func anUnknownCategoryIsRefused() throws {
        let site = try TestSite()
        var request = request(.product, "Jamu Kunyit", in: site)
        request.producers = ["desbumi-kedunggebang"]
        request.category = "jamuu"
        let d = try #require(Scaffolder.run(request).diagnostics.first)
        #expect(d.code == "unknown-category")
        #expect(d.hint(.id) == "Maksudnya `jamu`? Yang tersedia: `tas-anyaman`, `jamu`.")
    }

    @Test func theCategoryDefaultsToTheProducersUsualOne() throws {
        let site = try TestSite(files: [
            "content/products/jamu-a.md": TestSite.product(TestSite.validProductFields.replacingOccurrences(of: "tas-anyaman", with: "jamu")),
        ])
        var request = request(.product, "Jamu Baru", in: site)
        request.producers = ["desbumi-kedunggebang"]
        let result = try #require(Scaffolder.run(request).result)
        #expect(try text(site, result.file).contains("\ncategory: jamu\n"))
    }

    @Test func aSlugTakenByAnotherFileIsRefused() throws {
        let site = try TestSite(files: ["content/products/lama.md": TestSite.product(TestSite.validProductFields + "\nslug: tas-baru")])
        var request = request(.product, "Tas Baru", in: site)
        request.producers = ["desbumi-kedunggebang"]
        let d = try #require(Scaffolder.run(request).diagnostics.first)
        #expect(d.message(.en) == "the slug `tas-baru` is already used by content/products/lama.md")
    }

    @Test func titlesWithQuotesAndColonsReadBackExactly() throws {
        let site = try TestSite()
        let title = #"Sambal "Bu Siti": pedas # 1 \ *asli*"#
        var request = request(.product, title, in: site)
        request.price = 85000
        request.producers = ["desbumi-kedunggebang"]
        let result = try #require(Scaffolder.run(request).result)
        #expect(result.file == "content/products/sambal-bu-siti-pedas-1-asli.md")
        try site.writeBytes("content/images/products/sambal-bu-siti-pedas-1-asli.jpg", TestSite.sampleJPEG)
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
        let product = try #require(content?.products.first)
        #expect(product.title == title)
        #expect(product.images.first?.alt == title)
        #expect(product.summary == #"Sambal "Bu Siti": pedas # 1 \ *asli* buatan Desbumi Kedunggebang."#)
    }

    @Test(arguments: [
        ("Tas Anyaman Pandan", "tas-anyaman-pandan"),
        ("  Kue   Nastar Keju (Isi 20)  ", "kue-nastar-keju-isi-20"),
        ("Jamu Beras Kencur & Kunyit Asam", "jamu-beras-kencur-dan-kunyit-asam"),
        ("Keripik Pisang Jum'at Berkah", "keripik-pisang-jumat-berkah"),
        ("Kopi Bubuk “Robusta” Café Ñoño", "kopi-bubuk-robusta-cafe-nono"),
        ("Batik Ecoprint—Motif Daun Jati!", "batik-ecoprint-motif-daun-jati"),
        ("100% Pupuk Organik Cair, 1 L", "100-pupuk-organik-cair-1-l"),
        ("Teh Racik / Es Teh Jatinom", "teh-racik-es-teh-jatinom"),
        ("Paket Sembako Lebaran untuk Keluarga Purna Migran di Desa Gogodeso Kabupaten Blitar", "paket-sembako-lebaran-untuk-keluarga-purna-migran-di-desa"),
    ])
    func slugsOfTrickyTitles(title: String, slug: String) {
        #expect(Scaffolder.slug(for: title) == slug)
        #expect(Slug.isValid(slug))
    }

    @Test func aTitleWithoutLettersIsRefused() throws {
        let site = try TestSite()
        let d = try #require(Scaffolder.run(request(.page, "?!…", in: site)).diagnostics.first)
        #expect(d.message(.id) == "judul `?!…` tidak bisa dijadikan nama berkas")
        #expect(d.hint(.en) == "The title needs letters or digits, for example `Tas Anyaman Pandan`.")
    }

    @Test func newsIsNamedByTodayInIndonesia() throws {
        let site = try TestSite()
        var request = request(.news, "Pelatihan Pembukuan di Banyuwangi", in: site)
        request.producers = ["desbumi-kedunggebang"]
        let result = try #require(Scaffolder.run(request).result)
        #expect(result.file == "content/news/2025-12-14-pelatihan-pembukuan-di-banyuwangi.md")
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
        let article = try #require(content?.news.first)
        #expect(article.slug == "pelatihan-pembukuan-di-banyuwangi")
        #expect(article.date == ContentDate(year: 2025, month: 12, day: 14))
        #expect(article.producerIDs == ["desbumi-kedunggebang"])
    }

    @Test func newsDateCanBeGiven() throws {
        let site = try TestSite()
        var request = request(.news, "Lokakarya", in: site)
        request.date = "2025-06-14 09:30"
        let result = try #require(Scaffolder.run(request).result)
        #expect(result.file == "content/news/2025-06-14-lokakarya.md")
        #expect(try text(site, result.file).contains("\ndate: 2025-06-14 09:30\n"))
        request.date = "14/06/2025"
        #expect(Scaffolder.run(request).diagnostics.first?.message(.id) == "tanggal `14/06/2025` pada `--date` tidak dikenali")
    }

    @Test func producerLoadsCleanly() throws {
        let site = try TestSite()
        var request = request(.producer, "KOPI Bringinan", in: site)
        request.village = "Bringinan"
        request.regency = "Ponorogo"
        request.whatsapp = "0812-0000-0111"
        let result = try #require(Scaffolder.run(request).result)
        #expect(result.file == "content/producers/kopi-bringinan.md")
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted(.en) })")
        let producer = try #require(content?.producers.first { $0.id == "kopi-bringinan" })
        #expect(producer.village == "Bringinan" && producer.regency == "Ponorogo")
        #expect(producer.whatsapp?.international == "6281200000111")
    }

    @Test func producerNeedsVillageAndRegencyAndAMobileNumber() throws {
        let site = try TestSite()
        var request = request(.producer, "KOPI Bringinan", in: site)
        request.whatsapp = "0352-123"
        let codes = Scaffolder.run(request).diagnostics.map { "\($0.location.file) \($0.code)" }
        #expect(codes == ["--village option-required", "--regency option-required", "--whatsapp bad-whatsapp"])
    }

    @Test func pageLoadsCleanly() throws {
        let site = try TestSite()
        let result = try #require(Scaffolder.run(request(.page, "Cara Pesan", in: site)).result)
        #expect(result.file == "content/pages/cara-pesan.md")
        let (content, diagnostics) = site.load()
        #expect(diagnostics.isEmpty)
        #expect(content?.pages.first?.title == "Cara Pesan")
    }

    @Test func somethingThatIsNotAPhotoIsRefused() throws {
        let site = try TestSite()
        try site.write("catatan.jpg", "bukan foto")
        var request = request(.news, "Berita", in: site)
        request.photo = site.root + "/catatan.jpg"
        #expect(Scaffolder.run(request).diagnostics.map(\.code) == ["unsupported-photo"])
        request.photo = site.root + "/tidak-ada.jpg"
        let d = try #require(Scaffolder.run(request).diagnostics.first)
        #expect(d.message(.en) == "the photo `\(site.root)/tidak-ada.jpg` does not exist")
    }

    @Test func theWholeTreeBuildsAfterEachKind() throws {
        let site = try TestSite()
        var producer = request(.producer, "Kelompok Baru", in: site)
        producer.village = "Sumber"
        producer.regency = "Jember"
        _ = Scaffolder.run(producer)
        try site.writeBytes("foto.jpg", TestSite.sampleJPEG)
        var product = request(.product, "Keripik Baru", in: site)
        product.price = 85000
        product.producers = ["kelompok-baru"]
        product.photo = site.root + "/foto.jpg"
        _ = Scaffolder.run(product)
        var news = request(.news, "Kabar Baru", in: site)
        news.producers = ["kelompok-baru"]
        _ = Scaffolder.run(news)
        _ = Scaffolder.run(request(.page, "Tentang Kami", in: site))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map { $0.formatted(.en) })")
    }

    /// A small PNG, made when the tests start.
    static let tinyPNG: [UInt8] = SamplePhotos.png(width: 8, height: 6)
}
