/// `{{ data | json }}` where a JSON-LD script takes a value: the JSON is written into the page
/// as it is made.
///
/// Through the filter, the JSON became a string marked safe, which the script context then
/// copied while replacing `<`, `>` and `&`. The filter's JSON has none of those: they are escaped
/// inside its strings and cannot occur outside them. So writing it directly gives the same bytes
/// without making the string or reading it again (JSON-LD is on every page).
extension Renderer {
    /// The input and filter of an output in `mode` that `writeScriptJSON` may write: the
    /// built-in `json` filter (a host's filter of that name is not) without arguments.
    static func scriptJSON(_ expression: Expression, mode: EscapeMode) -> (input: Expression, filter: FilterReference, at: Int)? {
        guard case .scriptJSONValue = mode, case .filter(let input, let filter, let arguments, let at) = expression,
            arguments.isEmpty, case .builtin = filter.body, filter.name == "json" || filter.name == "tojson"
        else { return nil }
        return (input, filter, at)
    }

    /// Writes `{{ input | json }}` as the filter and the script context together would, with the
    /// same errors.
    mutating func writeScriptJSON(_ input: Expression, _ filter: FilterReference, filterOffset: Int, at offset: Int) throws {
        let value = try evaluate(input)
        if value.undefined != nil {
            // An undefined value is the filter's to report or replace.
            try write(try applyFilter(filter, to: value, arguments: .empty, at: filterOffset), mode: .scriptJSONValue, at: offset)
            return
        }
        let mark = out.count
        do {
            try writeJSON(value, indent: nil, level: 0, into: &out, depth: 0)
        } catch {
            out.discard(from: mark)
            throw fail("filter '\(filter.name)': \(message(of: error))", at: filterOffset, kind: .filter)
        }
    }
}
