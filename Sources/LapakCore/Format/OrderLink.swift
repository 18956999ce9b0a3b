/// The wa.me link that opens a WhatsApp chat with the producer, the order already written.
public enum OrderLink {
    public static func url(number: WhatsAppNumber, message: String) -> String {
        "https://wa.me/\(number.international)?text=\(PercentEncoding.encode(message))"
    }

    /// The prefilled message for one product: greeting, product, price and its page.
    /// `price` nil for a product with variants ordered from its main button without a choice:
    /// the buyer says which, rather than being quoted a price no variant sells at.
    public static func productMessage(producerName: String, title: String, price: Int?, pageURL: String,
                                      language: String) -> String {
        let priced = price.map { "\(title) (\(Rupiah.format($0, language: language)))" } ?? title
        if language == "en" {
            return "Hello \(producerName), I would like to order \(priced).\n\(pageURL)"
        }
        return "Halo \(producerName), saya ingin memesan \(priced).\n\(pageURL)"
    }

    /// A message to the producer without a product, for the contact button.
    public static func greeting(producerName: String, siteTitle: String, language: String) -> String {
        language == "en"
            ? "Hello \(producerName), I found you on \(siteTitle)."
            : "Halo \(producerName), saya melihat produk Anda di \(siteTitle)."
    }
}
