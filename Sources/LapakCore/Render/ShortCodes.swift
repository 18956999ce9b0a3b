/// The short addresses printed as QR codes (`/p/k3x9qa/`): six characters from the product's
/// address, not from its place in the list, so a printed label keeps working build after build.
/// Short keeps the code sparse (a QR code of version 4 at level Q for a typical base URL), which is
/// what survives a photocopier.
enum ShortCodes {
    /// Crockford's base 32 in lower case: no `i`, `l`, `o` or `u`, so a code read aloud or typed
    /// from paper is not mistaken.
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
    static let length = 6

    /// A code for each address. Two addresses that hash alike (about one chance in a thousand
    /// for a thousand products) are told apart the same way every time: the address that sorts
    /// first keeps the code, the other takes the next of its own salted codes that is free.
    static func codes(for slugs: [String]) -> [String: String] {
        var owner: [String: String] = [:]
        var out: [String: String] = [:]
        for slug in slugs.sorted() {
            var salt = 0
            var code = make(slug, salt: salt)
            while owner[code] != nil {
                salt += 1
                code = make(slug, salt: salt)
            }
            owner[code] = slug
            out[slug] = code
        }
        return out
    }

    /// FNV-1a (64 bits) of the address, and of `#salt` after it when salted, mixed, in base 32.
    static func make(_ slug: String, salt: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let text = salt == 0 ? slug : "\(slug)#\(salt)"
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // SplitMix64's finaliser: FNV's low bits follow the input's last bytes closely, so
        // addresses numbered in a row would otherwise get codes in a row.
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        var bytes: [UInt8] = []
        for _ in 0..<length {
            bytes.append(alphabet[Int(hash & 31)])
            hash >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
