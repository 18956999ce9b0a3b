import Testing
@testable import LapakCore

@Suite struct ParallelMapTests {
    /// Every slot is filled whatever the threads do. (Slots in a Swift array written through
    /// `withUnsafeMutableBufferPointer` from several threads lost writes: the array is taken out
    /// of its variable for the length of each call.)
    @Test func everyResultArrivesInOrderUnderContention() {
        let items = Array(0..<4000)
        let expected = items.map { $0 * 3 }
        for _ in 0..<100 {
            #expect(parallelMap(items) { $0 * 3 } == expected)
        }
    }
}
