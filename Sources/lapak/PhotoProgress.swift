import Foundation

/// The photo counter a first build shows while it makes hundreds of photos: on a terminal only,
/// one line rewritten in place on standard error; nothing in CI or when the output is piped.
enum PhotoProgress {
    static func reporter(_ language: MessageLanguage) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
        let label = language == .en ? "Processing photos" : "Mengolah foto"
        return { done, total in
            var line = "\r\(label) \(done)/\(total)"
            if done == total { line += "\r\u{1B}[K" }
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// `36 foto (2 diolah, 34 dari cache)`, for the summary line.
    static func summary(photos: Int, processed: Int, _ language: MessageLanguage) -> String {
        let cached = photos - processed
        return language == .en
            ? "\(photos) photos (\(processed) processed, \(cached) from cache)"
            : "\(photos) foto (\(processed) diolah, \(cached) dari cache)"
    }
}
