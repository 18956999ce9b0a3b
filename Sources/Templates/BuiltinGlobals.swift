// Global functions every template has: `range`, `dict`, `namespace`.

/// Caps `range` so a template cannot ask for billions of items.
let maxRangeLength = 100_000

let builtinGlobals: [String: Value] = [
    "range": .callable(
        Callable(
            name: "range",
            body: .builtin { a in
                try a.check(max: 3, names: [])
                let ints = try a.positional.indices.map { i -> Int in
                    guard let n = try a.int(at: i) else { throw FilterError("range needs integers") }
                    return n
                }
                let (start, stop, step): (Int, Int, Int)
                switch ints.count {
                case 1: (start, stop, step) = (0, ints[0], 1)
                case 2: (start, stop, step) = (ints[0], ints[1], 1)
                case 3: (start, stop, step) = (ints[0], ints[1], ints[2])
                default: throw FilterError("range expects 1 to 3 integers")
                }
                guard step != 0 else { throw FilterError("range step must not be zero") }
                var out: [Value] = []
                var i = start
                while step > 0 ? i < stop : i > stop {
                    if out.count >= maxRangeLength { throw FilterError("range has more than \(maxRangeLength) items") }
                    out.append(.int(i))
                    let next = i.addingReportingOverflow(step)
                    if next.overflow { break }
                    i = next.partialValue
                }
                return .array(out)
            })),
    "dict": .callable(
        Callable(
            name: "dict",
            body: .builtin { a in
                try a.check(max: 0, names: Array(a.keyword.keys))
                return .dictionary(OrderedMapping(sortingKeysOf: a.keyword))
            })),
    "namespace": .callable(
        Callable(
            name: "namespace",
            body: .builtin { a in
                var m = OrderedMapping()
                if let first = a.positional.first, case .dictionary(let initial) = first { m = initial }
                for k in a.keyword.keys.sorted() { m[k] = a.keyword[k] }
                return .object(NamespaceObject(m))
            })),
]
