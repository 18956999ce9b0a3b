/// `photos:` of `site.yml`: the widths of the copies, their quality, and whether to add AVIF.
///
/// ```yaml
/// photos:
///   widths: [320, 640, 1024, 1600]
///   quality: 75
///   avif: false
/// ```
enum PhotoSettings {
    static let widthRange = 16...4096
    static let qualityRange = 1...100

    static func read(_ f: inout Fields) -> PhotoSizes {
        var sizes = PhotoSizes()
        for (key, value, mark) in f.mapping("photos") {
            let field = "photos." + key
            switch key {
            case "widths":
                guard case .sequence(let items) = value else {
                    f.report(.notList(field: field), at: mark)
                    continue
                }
                var widths: [Int] = []
                for item in items {
                    guard let width = wholeNumber(item, field: field, range: widthRange, example: "640", into: &f) else { continue }
                    widths.append(width)
                }
                if !widths.isEmpty { sizes.widths = Array(Set(widths)).sorted() }
            case "quality":
                if let quality = wholeNumber(value, field: field, range: qualityRange, example: "75", into: &f) {
                    sizes.webpQuality = quality
                }
            case "avif":
                switch value.string?.trimmed.lowercased() {
                case "true"?, "yes"?: sizes.avif = true
                case "false"?, "no"?: sizes.avif = false
                default: f.report(.notBoolean(field: field, value: value.string ?? "…"), at: value.mark ?? mark)
                }
            default:
                let suggestion = KnownFields.closest(to: key, among: ["widths", "quality", "avif"])
                f.report(.unknownField(field: field, suggestion: suggestion.map { "photos.\($0)" }), at: mark, severity: .warning)
            }
        }
        return sizes
    }

    private static func wholeNumber(_ node: YAMLNode, field: String, range: ClosedRange<Int>, example: String,
                                    into f: inout Fields) -> Int? {
        let raw = node.string?.trimmed ?? "…"
        guard let value = Int(raw), raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            f.report(.notWholeNumber(field: field, value: raw, example: example), at: node.mark)
            return nil
        }
        guard range.contains(value) else {
            f.report(.photo(.settingOutOfRange(field: field, value: value, lowest: range.lowerBound, highest: range.upperBound)),
                     at: node.mark)
            return nil
        }
        return value
    }
}
