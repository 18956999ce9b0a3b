// "Did you mean …?" for names a template gets wrong: filters, tests, variables, attributes,
// macros and templates. Only on the error path; rendering never computes a suggestion.

/// `; did you mean 'length'?` when one known name is a likely typo of `name`, else "".
func suggestion(_ name: String, among known: some Sequence<String>) -> String {
    guard let best = closestName(to: name, among: known) else { return "" }
    return "; did you mean '\(best)'?"
}

/// The known name nearest to `name`: within a third of its length in edits, so names of one or
/// two letters get no suggestion. Template names are compared without a shared extension
/// (`q.html` is not a typo of `a.html`). Ties go to the first in sorted order, so the suggestion
/// does not depend on dictionary order.
func closestName(to name: String, among known: some Sequence<String>) -> String? {
    var best: (name: String, distance: Int)? = nil
    for candidate in known where candidate != name && !candidate.hasPrefix("\u{0}") {
        let (a, b) = withoutSharedExtension(name.lowercased(), candidate.lowercased())
        let limit = min(a.count, b.count) / 3
        guard limit > 0 else { continue }
        let distance = typoDistance(a, b)
        guard distance <= limit else { continue }
        if let current = best, distance > current.distance || (distance == current.distance && candidate > current.name) { continue }
        best = (candidate, distance)
    }
    return best?.name
}

/// The two names as scalars, less the extension they share (`.html`).
private func withoutSharedExtension(_ a: String, _ b: String) -> ([Unicode.Scalar], [Unicode.Scalar]) {
    if let dot = a.lastIndex(of: "."), a[dot...].count > 1, b.hasSuffix(a[dot...]) {
        return (Array(a[..<dot].unicodeScalars), Array(b.dropLast(a[dot...].count).unicodeScalars))
    }
    return (Array(a.unicodeScalars), Array(b.unicodeScalars))
}

/// Edits between two words, where swapping two neighbouring letters ("lenght") counts as one:
/// the optimal string alignment distance.
func typoDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    // Three rows of the table: two back (for swaps), one back, and the one being filled.
    var twoBack = [Int](repeating: 0, count: width)
    var oneBack = Array(0...b.count)
    var row = [Int](repeating: 0, count: width)
    for i in 1...a.count {
        row[0] = i
        for j in 1...b.count {
            let substitution = oneBack[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            var cell = min(oneBack[j] + 1, row[j - 1] + 1, substitution)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = min(cell, twoBack[j - 2] + 1)
            }
            row[j] = cell
        }
        (twoBack, oneBack, row) = (oneBack, row, twoBack)
    }
    return oneBack[b.count]
}
