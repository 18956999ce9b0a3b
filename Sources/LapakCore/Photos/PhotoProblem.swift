import Imaging

/// Problems with photos, with their messages in both languages: a table of its own beside
/// `Problem`'s, which wraps it as `.photo`.
public enum PhotoProblem: Sendable, Hashable {
    case notAPhoto(path: String)
    case fileTooLarge(path: String, bytes: Int, limit: Int)
    case tooManyPixels(path: String, width: Int, height: Int, limit: Int)
    case profileTooLarge(path: String, bytes: Int)
    case damaged(path: String)
    case unreadable(path: String)
    case changedWhileBuilding(path: String)
    case cacheNotWritable(folder: String, reason: String)
    case settingOutOfRange(field: String, value: Int, lowest: Int, highest: Int)
    // Warnings of `lapak check`.
    case carriesLocation(path: String)
    case tooSmall(path: String, width: Int, height: Int, minimum: Int)
    case productWithoutPhoto(example: String)

    init(_ failure: PhotoFailure, path: String) {
        switch failure {
        case .notAPhoto: self = .notAPhoto(path: path)
        case .fileTooLarge(let bytes, let limit): self = .fileTooLarge(path: path, bytes: bytes, limit: limit)
        case .tooManyPixels(let width, let height, let limit): self = .tooManyPixels(path: path, width: width, height: height, limit: limit)
        case .profileTooLarge(let bytes, _): self = .profileTooLarge(path: path, bytes: bytes)
        case .damaged: self = .damaged(path: path)
        case .unreadable: self = .unreadable(path: path)
        }
    }

    var code: String {
        switch self {
        case .notAPhoto: "photo-not-a-photo"
        case .fileTooLarge: "photo-file-too-large"
        case .tooManyPixels: "photo-too-many-pixels"
        case .profileTooLarge: "photo-profile-too-large"
        case .damaged: "photo-damaged"
        case .unreadable: "photo-unreadable"
        case .changedWhileBuilding: "photo-changed"
        case .cacheNotWritable: "photo-cache-not-writable"
        case .settingOutOfRange: "photo-setting-out-of-range"
        case .carriesLocation: "photo-location"
        case .tooSmall: "photo-too-small"
        case .productWithoutPhoto: "product-without-photo"
        }
    }

    func text(_ language: Language) -> (message: String, hint: String?) {
        language == .id ? indonesian : english
    }

    private var indonesian: (message: String, hint: String?) {
        switch self {
        case .notAPhoto(let path):
            return ("berkas `\(path)` bukan foto JPEG, PNG, WebP, GIF atau HEIC",
                    "Buka fotonya di HP atau komputer lalu simpan ulang sebagai JPEG, atau pilih berkas foto yang benar.")
        case .fileTooLarge(let path, let bytes, let limit):
            return ("foto `\(path)` berukuran \(Problem.megabytes(bytes, .id)) MB, lebih dari batas \(limit / 1_048_576) MB",
                    "Kirim ulang foto dari kamera HP seperti biasa (bukan berkas mentah/RAW), atau perkecil dulu ukurannya.")
        case .tooManyPixels(let path, let width, let height, let limit):
            return ("foto `\(path)` berukuran \(width) × \(height) piksel, lebih dari \(limit / 1_000_000) juta piksel",
                    "Foto sebesar ini bukan foto HP biasa dan bisa membuat komputer macet. Perkecil ukurannya, lalu simpan lagi.")
        case .profileTooLarge(let path, let bytes):
            return ("foto `\(path)` membawa profil warna sebesar \(Problem.megabytes(bytes, .id)) MB, jauh lebih besar dari yang wajar",
                    "Simpan ulang fotonya dari aplikasi galeri atau penyunting foto sebagai JPEG biasa.")
        case .damaged(let path):
            return ("foto `\(path)` rusak atau terpotong dan tidak bisa dibuka",
                    "Salin ulang foto dari HP (mungkin pengirimannya terputus), lalu coba lagi.")
        case .unreadable(let path):
            return ("foto `\(path)` tidak dapat dibaca", "Periksa izin berkas dan coba lagi.")
        case .changedWhileBuilding(let path):
            return ("foto `\(path)` berubah selama situs dibangun", "Tunggu sampai foto selesai disalin, lalu bangun ulang.")
        case .settingOutOfRange(let field, let value, let lowest, let highest):
            return ("`\(field)` bernilai \(value), di luar batas \(lowest) sampai \(highest)",
                    "Tulis angka antara \(lowest) dan \(highest), atau hapus baris ini untuk memakai nilai bawaan.")
        case .cacheNotWritable(let folder, let reason):
            return ("folder simpanan foto `\(folder)` tidak dapat ditulis (\(reason))",
                    "Periksa izin folder itu, atau pilih folder lain dengan `--cache-dir`.")
        case .carriesLocation(let path):
            return ("foto `\(path)` menyimpan lokasi GPS tempat foto diambil",
                    "Situs tidak menerbitkan lokasi ini, tetapi berkas aslinya ikut tersimpan di folder dan riwayat git. Jalankan `lapak photos --strip` untuk menghapusnya dari semua foto.")
        case .productWithoutPhoto(let example):
            return ("produk ini belum punya foto",
                    "Google dan Facebook menolak produk tanpa foto. Simpan fotonya di `content/\(example)` lalu tulis `images: [\(example)]`.")
        case .tooSmall(let path, let width, let height, let minimum):
            return ("foto `\(path)` hanya \(width) × \(height) piksel; sisi pendeknya kurang dari \(minimum) piksel",
                    "Google dan Facebook menolak foto produk sekecil ini, dan di HP foto tampak buram. Pakai foto asli dari kamera HP.")
        }
    }

    private var english: (message: String, hint: String?) {
        switch self {
        case .notAPhoto(let path):
            return ("the file `\(path)` is not a JPEG, PNG, WebP, GIF or HEIC photo",
                    "Open the photo on a phone or computer and save it again as JPEG, or choose the right photo file.")
        case .fileTooLarge(let path, let bytes, let limit):
            return ("the photo `\(path)` is \(Problem.megabytes(bytes, .en)) MB, more than the limit of \(limit / 1_048_576) MB",
                    "Send the photo again as the phone's camera takes it (not a RAW file), or make it smaller first.")
        case .tooManyPixels(let path, let width, let height, let limit):
            return ("the photo `\(path)` is \(width) × \(height) pixels, more than \(limit / 1_000_000) million pixels",
                    "A picture this large is not an ordinary phone photo and could stall the computer. Make it smaller and save it again.")
        case .profileTooLarge(let path, let bytes):
            return ("the photo `\(path)` carries a colour profile of \(Problem.megabytes(bytes, .en)) MB, far larger than real ones",
                    "Save the photo again from a gallery app or photo editor as an ordinary JPEG.")
        case .damaged(let path):
            return ("the photo `\(path)` is damaged or cut off and cannot be opened",
                    "Copy the photo from the phone again (the transfer may have been interrupted), then try again.")
        case .unreadable(let path):
            return ("the photo `\(path)` cannot be read", "Check the file's permissions and try again.")
        case .changedWhileBuilding(let path):
            return ("the photo `\(path)` changed while the site was being built", "Wait until the photo is copied, then build again.")
        case .settingOutOfRange(let field, let value, let lowest, let highest):
            return ("`\(field)` is \(value), outside \(lowest) to \(highest)",
                    "Write a number from \(lowest) to \(highest), or remove the line to use the default.")
        case .cacheNotWritable(let folder, let reason):
            return ("the photo cache folder `\(folder)` cannot be written (\(reason))",
                    "Check that folder's permissions, or choose another with `--cache-dir`.")
        case .carriesLocation(let path):
            return ("the photo `\(path)` records the GPS position where it was taken",
                    "The site never publishes it, but the original file keeps it in the folder and in git's history. Run `lapak photos --strip` to remove it from every photo.")
        case .productWithoutPhoto(let example):
            return ("this product has no photo yet",
                    "Google and Facebook refuse products without a photo. Save it at `content/\(example)` and write `images: [\(example)]`.")
        case .tooSmall(let path, let width, let height, let minimum):
            return ("the photo `\(path)` is only \(width) × \(height) pixels; its short side is under \(minimum) pixels",
                    "Google and Facebook refuse product photos this small, and phones show them blurred. Use the original photo from the phone's camera.")
        }
    }
}
