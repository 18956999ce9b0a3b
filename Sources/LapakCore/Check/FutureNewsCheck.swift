import Foundation

/// News dated after today: usually a mistyped year, and it would sit at the top of the list.
enum FutureNewsCheck {
    static func run(site: Site, now: Date, sources: SourceFiles) -> [Diagnostic] {
        let nowSeconds = Int(now.timeIntervalSince1970.rounded(.down))
        return site.news.filter { $0.date.epochSeconds > nowSeconds }
            .sorted { $0.sourcePath < $1.sourcePath }
            .map { article in
                let location = sources.file(article.sourcePath)?.location(ofField: "date") ?? SourceLocation(file: article.sourcePath)
                return .warning(.futureNews(date: article.date.isoDate), at: location)
            }
    }
}
