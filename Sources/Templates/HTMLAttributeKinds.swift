/// What kind of value an attribute holds, from its name and element, as the context analysis
/// needs it: URLs are checked, script and style are refused.
extension HTMLContext {
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "cite", "background", "longdesc", "usemap", "codebase",
        "data", "manifest", "icon", "ping", "profile", "classid", "archive", "dynsrc", "lowsrc", "xlink:href",
        "xmlns",
    ]

    /// Open Graph and Twitter metas whose `content` is a URL.
    static let urlMetas: Set<String> = [
        "og:url", "og:image", "og:image:url", "og:image:secure_url", "og:video", "og:video:url",
        "og:video:secure_url", "og:audio", "og:audio:url", "og:audio:secure_url", "twitter:image",
        "twitter:image:src", "twitter:player", "twitter:player:stream", "twitter:url",
    ]

    static func kind(of name: [UInt8], in element: [UInt8]) -> HTMLAttribute.Kind {
        if name.count >= 2 && name[0] == UInt8(ascii: "o") && name[1] == UInt8(ascii: "n") { return .script }
        let attribute = String(decoding: name, as: UTF8.self)
        switch attribute {
        case "style": return .style
        case "srcdoc": return .markup
        case "srcset", "imagesrcset": return .srcset
        case "content" where element == Array("meta".utf8): return .metaContent
        default: break
        }
        if urlAttributes.contains(attribute) { return .url }
        // As Go's html/template: a custom attribute named like a URL is treated as one.
        var bare = name[...]
        if bare.starts(with: "data-".utf8) { bare = bare.dropFirst(5) }
        if let colon = bare.firstIndex(of: UInt8(ascii: ":")) { bare = bare[(colon + 1)...] }
        for word in ["url", "uri", "src", "href"] where contains(bare, Array(word.utf8)) { return .url }
        return .plain
    }

    private static func contains(_ text: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
        guard text.count >= word.count else { return false }
        var i = text.startIndex
        while i + word.count <= text.endIndex {
            if text[i..<(i + word.count)].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }

    /// Whether a finished `<meta>` names a URL property; a property from data counts as one.
    static func metaIsURL(_ tag: HTMLTag) -> Bool {
        for key in ["property", "name"] {
            switch tag.facts[key] {
            case .fromData?: return true
            case .value(let v)?: if urlMetas.contains(v.trimmingASCIISpaces.lowercased()) { return true }
            case nil: continue
            }
        }
        return false
    }
}
