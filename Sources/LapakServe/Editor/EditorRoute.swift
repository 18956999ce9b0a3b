import LapakCore

/// The editor's addresses, all under `/_lapak/` (no content address can start with `_`).
/// File names in them are checked here; nothing else of a path reaches the file system.
enum EditorRoute: Equatable {
    case list
    case pin
    case script
    case changes
    case newFile(ContentKind)
    case edit(ContentKind, name: String)
    case create(ContentKind)
    case save(ContentKind, name: String)
    case delete(ContentKind, name: String)

    static let prefix = "/_lapak/"

    /// Whether a request target is the editor's, before any decoding: `/_lapak`, `/_lapak/…`,
    /// or the same with `_` percent-encoded (which the editor then refuses as malformed).
    static func isEditorPath(_ target: String) -> Bool {
        let lower = target.lowercased()
        return lower == "/_lapak" || lower.hasPrefix("/_lapak/") || lower.hasPrefix("/_lapak?") || lower.hasPrefix("/%5flapak")
    }

    /// nil for an address the editor does not have, or one with a bad name.
    static func parse(_ path: String) -> EditorRoute? {
        guard path.hasPrefix(prefix) || path == "/_lapak" else { return nil }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.count {
        case 0: return .list
        case 1:
            switch parts[0] {
            case "pin": return .pin
            case "changes": return .changes
            case EditorScript.name: return .script
            default: return nil
            }
        case 2:
            guard let kind = ContentKind(rawValue: parts[1]) else { return nil }
            switch parts[0] {
            case "new": return .newFile(kind)
            case "save": return .create(kind)
            default: return nil
            }
        case 3:
            guard let kind = ContentKind(rawValue: parts[1]), ContentFiles.isValidName(parts[2]) else { return nil }
            switch parts[0] {
            case "edit": return .edit(kind, name: parts[2])
            case "save": return .save(kind, name: parts[2])
            case "delete": return .delete(kind, name: parts[2])
            default: return nil
            }
        default:
            return nil
        }
    }

    var isPost: Bool {
        switch self {
        case .create, .save, .delete: true
        default: false
        }
    }
}
