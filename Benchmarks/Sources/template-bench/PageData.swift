// The product listing page every engine renders: 8 categories of 3 products, 10 fields each.

struct ProductData {
    let name, slug, currency, image, alt, description, seller, badge: String
    let price, stock: Int
    let featured: Bool
}

struct CategoryData {
    let name: String
    let products: [ProductData]
}

let sellers = ["Koperasi Gayo", "Toko Bu Sari", "CV Aren Jaya", "UD Toraja Makmur"]
let words = ["kopi", "teh", "gula", "madu", "rempah", "keripik", "sambal", "kacang"]

let categories: [CategoryData] = (0..<8).map { c in
    CategoryData(
        name: "kategori \(words[c]) pilihan",
        products: (0..<3).map { p in
            let n = c * 3 + p
            return ProductData(
                name: "\(words[c]) nusantara nomor \(n) <asli>",
                slug: "\(words[c])-nusantara-\(n)",
                currency: "Rp",
                image: "/img/\(words[c])-\(n).jpg",
                alt: "Foto \(words[c]) \"\(n)\"",
                description: "Produk \(words[c]) berkualitas dari petani lokal & pengrajin kecil, dikemas rapi untuk Anda.",
                seller: sellers[n % sellers.count].uppercased(),
                badge: n % 2 == 0 ? "baru" : "laris",
                price: 15000 + n * 2500,
                stock: n % 5,
                featured: n % 3 == 0)
        })
}
