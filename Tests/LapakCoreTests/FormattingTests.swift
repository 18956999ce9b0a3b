import Testing
@testable import LapakCore

@Suite struct FormattingTests {
    @Test(arguments: [(0, "Rp 0"), (500, "Rp 500"), (1000, "Rp 1.000"), (85000, "Rp 85.000"),
                      (1_250_000, "Rp 1.250.000"), (100_000_000, "Rp 100.000.000")])
    func rupiah(amount: Int, expected: String) {
        #expect(Rupiah.format(amount) == expected)
    }

    @Test func indonesianDates() {
        #expect(DateText.long(ContentDate(year: 2025, month: 12, day: 13)) == "13 Desember 2025")
        #expect(DateText.long(ContentDate(year: 2024, month: 2, day: 1)) == "1 Februari 2024")
        #expect(DateText.long(ContentDate(year: 2025, month: 8, day: 17), language: "en") == "17 August 2025")
    }

    @Test func datesParseWithOptionalTimeAndOffset() throws {
        let plain = try ContentDate.parse("2025-12-13").get()
        #expect(plain.rfc3339 == "2025-12-13T00:00:00+07:00")
        let timed = try ContentDate.parse("2021-02-23T08:34:00+07:00").get()
        #expect(timed.hour == 8 && timed.minute == 34)
        let utc = try ContentDate.parse("2025-01-01 09:30Z").get()
        #expect(utc.offsetMinutes == 0)
        #expect(ContentDate(year: 1970, month: 1, day: 1, offsetMinutes: 0).epochSeconds == 0)
        #expect(ContentDate(year: 2000, month: 3, day: 1, offsetMinutes: 0).epochSeconds == 951_868_800)
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2025-13-01", "2025-04-31", "2025-01-01 24:00"])
    func impossibleDatesAreRejected(text: String) {
        guard case .failure(.impossible) = ContentDate.parse(text) else {
            Issue.record("\(text) should be impossible")
            return
        }
    }

    @Test(arguments: ["13-12-2025", "2025/12/13", "kemarin", "2025-1-5", "2025-12-13T9"])
    func malformedDatesAreRejected(text: String) {
        guard case .failure(.malformed) = ContentDate.parse(text) else {
            Issue.record("\(text) should be malformed")
            return
        }
    }

    @Test(arguments: [("0812-3456-7890", "6281234567890"), ("+62 812 3456 7890", "6281234567890"),
                      ("6281234567890", "6281234567890"), ("812-3456-789", "628123456789"),
                      ("(0821) 1234 5678", "6282112345678")])
    func whatsappNumbersNormalise(input: String, expected: String) {
        #expect(WhatsAppNumber(input)?.international == expected)
    }

    @Test(arguments: ["0341-123456", "12345", "halo", "+1 650 555 0100", "0812-34"])
    func nonMobileNumbersAreRefused(input: String) {
        #expect(WhatsAppNumber(input) == nil)
    }

    @Test func whatsappDisplay() {
        #expect(WhatsAppNumber("081234567890")?.display == "+62 812-3456-7890")
    }

    @Test func percentEncodingKeepsOnlyUnreserved() {
        #expect(PercentEncoding.encode("Halo, saya pesan Tas (Rp 85.000)\nhttps://x/") ==
                "Halo%2C%20saya%20pesan%20Tas%20%28Rp%2085.000%29%0Ahttps%3A%2F%2Fx%2F")
        #expect(PercentEncoding.encode("é") == "%C3%A9")
    }

    @Test func orderLinkCarriesNumberProductPriceAndPage() throws {
        let number = try #require(WhatsAppNumber("0812-0000-0101"))
        let message = OrderLink.productMessage(producerName: "Desbumi Kedunggebang", title: "Tas Anyaman Pandan",
                                               price: 85000, pageURL: "https://uji.example.org/produk/tas/", language: "id")
        let url = OrderLink.url(number: number, message: message)
        #expect(url.hasPrefix("https://wa.me/6281200000101?text=Halo%20Desbumi%20Kedunggebang"))
        #expect(url.contains("Tas%20Anyaman%20Pandan%20%28Rp%2085.000%29"))
        #expect(url.hasSuffix("https%3A%2F%2Fuji.example.org%2Fproduk%2Ftas%2F"))
    }

    @Test(arguments: [("Tas Anyaman Pandan", "tas-anyaman-pandan"), ("Kopi Jum'at  Pagi!", "kopi-jumat-pagi"),
                      ("Batik Écoprint & Jamu", "batik-ecoprint-dan-jamu"), ("  --Rp 85.000-- ", "rp-85-000")])
    func slugs(title: String, expected: String) {
        #expect(Slug.make(from: title) == expected)
        #expect(Slug.isValid(expected))
    }

    @Test(arguments: ["Tas", "tas_anyaman", "tas--a", "-tas", "tas-", "", "tás"])
    func invalidSlugs(slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test func weights() {
        #expect(WeightText.format(grams: 400) == "400 g")
        #expect(WeightText.format(grams: 1000) == "1 kg")
        #expect(WeightText.format(grams: 1500) == "1,5 kg")
    }
}
