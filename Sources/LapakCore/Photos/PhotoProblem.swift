import Imaging

/// Problems with photos, which `Problem` wraps as `.photo`; their words are in the message tables.
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

    /// The problem's words in the message tables (`Messages/`), keyed by its code.
    var wording: Wording {
        switch self {
        case .notAPhoto(let path), .damaged(let path), .unreadable(let path), .changedWhileBuilding(let path),
             .carriesLocation(let path):
            Wording(code, ["path": .text(path)])
        case .fileTooLarge(let path, let bytes, let limit):
            Wording(code, ["path": .text(path), "bytes": .megabytes(bytes), "limit": .number(limit / 1_048_576)])
        case .tooManyPixels(let path, let width, let height, let limit):
            Wording(code, ["path": .text(path), "width": .number(width), "height": .number(height),
                           "limit": .number(limit / 1_000_000)])
        case .profileTooLarge(let path, let bytes):
            Wording(code, ["path": .text(path), "bytes": .megabytes(bytes)])
        case .settingOutOfRange(let field, let value, let lowest, let highest):
            Wording(code, ["field": .text(field), "value": .number(value), "lowest": .number(lowest),
                           "highest": .number(highest)])
        case .cacheNotWritable(let folder, let reason):
            Wording(code, ["folder": .text(folder), "reason": .text(reason)])
        case .tooSmall(let path, let width, let height, let minimum):
            Wording(code, ["path": .text(path), "width": .number(width), "height": .number(height),
                           "minimum": .number(minimum)])
        case .productWithoutPhoto(let example): Wording(code, ["example": .text(example)])
        }
    }
}
