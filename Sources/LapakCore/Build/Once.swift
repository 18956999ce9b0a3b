import Synchronization

/// A value made the first time a job asks for it, then shared: work that several output files
/// need (the catalog behind katalog.xml and katalog.csv) is done once, and inside the parallel
/// render rather than before it.
final class Once<Value: Sendable>: Sendable {
    private let state: Mutex<Value?> = Mutex(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        // Held while making: a second job waits rather than making it again.
        state.withLock { state in
            if let value = state { return value }
            let value = make()
            state = value
            return value
        }
    }
}
