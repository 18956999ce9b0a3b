import LapakCore

/// The editor's own messages, in both languages: a table of its own beside `Problem`'s, as
/// `PhotoProblem` is for photos.
enum EditorMessage: Sendable, Equatable {
    case pinWrong(attemptsLeft: Int)
    case pinLocked(minutes: Int)
    case sessionMissing
    case csrfRefused
    case foreignOrigin
    case uploadTooLarge(limitMB: Int)
    case uploadNotAPhoto
    case uploadFailed(reason: String)
    case changedOnDisk
    case fileExists(path: String)
    case notFound
    case badName
    case cannotRead(path: String)
    case cannotWrite(reason: String)
    case saved(path: String)
    case savedAsDraft(path: String)
    case publishRefused(errors: Int)
    case deleted(path: String)
    case titleRequired

    func text(_ language: Language) -> String {
        language == .id ? indonesian : english
    }

    private var indonesian: String {
        switch self {
        case .pinWrong(let left):
            "PIN salah. Lihat 6 angka di layar komputer sekretariat. Sisa percobaan: \(left)."
        case .pinLocked(let minutes):
            "Terlalu banyak PIN salah. Coba lagi \(minutes) menit lagi."
        case .sessionMissing:
            "Sesi tidak ditemukan atau sudah habis. Masukkan PIN lagi."
        case .csrfRefused:
            "Formulir ini sudah kedaluwarsa. Buka lagi halamannya dan ulangi."
        case .foreignOrigin:
            "Permintaan dari situs lain ditolak."
        case .uploadTooLarge(let limit):
            "Foto lebih besar dari \(limit) MB. Ambil foto lagi dengan ukuran biasa, atau perkecil dulu."
        case .uploadNotAPhoto:
            "Berkas ini bukan foto JPEG, PNG, WebP, GIF atau HEIC. Pilih foto dari kamera atau galeri."
        case .uploadFailed(let reason):
            "Foto tidak bisa disimpan: \(reason)"
        case .changedOnDisk:
            "Berkas ini diubah orang lain sejak formulir dibuka. Perubahan Anda belum disimpan; lihat isi terbaru di bawah, lalu ulangi."
        case .fileExists(let path):
            "Sudah ada berkas \(path). Pakai nama lain, atau buka berkas itu dari daftar."
        case .notFound:
            "Halaman atau berkas tidak ditemukan."
        case .badName:
            "Nama berkas tidak sah."
        case .cannotRead(let path):
            "Berkas \(path) tidak bisa dibaca oleh penyunting; perbaiki dulu dengan `lapak check`."
        case .cannotWrite(let reason):
            "Berkas tidak bisa disimpan: \(reason)"
        case .saved(let path):
            "Tersimpan: \(path)."
        case .savedAsDraft(let path):
            "Tersimpan sebagai draf: \(path). Draf tidak tampil di situs sampai diterbitkan."
        case .publishRefused(let errors):
            "Belum disimpan: ada \(errors) galat. Perbaiki kolom yang ditandai, atau simpan sebagai draf."
        case .deleted(let path):
            "Dipindahkan ke content/.trash/: \(path)."
        case .titleRequired:
            "Isi nama atau judul dulu; nama berkasnya dibuat dari situ."
        }
    }

    private var english: String {
        switch self {
        case .pinWrong(let left):
            "Wrong PIN. Look at the 6 digits on the secretariat computer's screen. Attempts left: \(left)."
        case .pinLocked(let minutes):
            "Too many wrong PINs. Try again in \(minutes) minutes."
        case .sessionMissing:
            "No session, or it has expired. Enter the PIN again."
        case .csrfRefused:
            "This form has expired. Open the page again and repeat."
        case .foreignOrigin:
            "Requests from other sites are refused."
        case .uploadTooLarge(let limit):
            "The photo is larger than \(limit) MB. Take it again at a normal size, or make it smaller first."
        case .uploadNotAPhoto:
            "This file is not a JPEG, PNG, WebP, GIF or HEIC photo. Choose a photo from the camera or gallery."
        case .uploadFailed(let reason):
            "The photo could not be saved: \(reason)"
        case .changedOnDisk:
            "Someone changed this file since the form was opened. Your changes are not saved yet; see the latest content below, then repeat."
        case .fileExists(let path):
            "\(path) exists already. Use another name, or open that file from the list."
        case .notFound:
            "Page or file not found."
        case .badName:
            "Invalid file name."
        case .cannotRead(let path):
            "The editor cannot read \(path); fix it first with `lapak check`."
        case .cannotWrite(let reason):
            "The file could not be saved: \(reason)"
        case .saved(let path):
            "Saved: \(path)."
        case .savedAsDraft(let path):
            "Saved as a draft: \(path). Drafts are not on the site until published."
        case .publishRefused(let errors):
            "Not saved: \(errors) error(s). Fix the marked fields, or save as a draft."
        case .deleted(let path):
            "Moved to content/.trash/: \(path)."
        case .titleRequired:
            "Fill in the name or title first; the file name is made from it."
        }
    }
}
