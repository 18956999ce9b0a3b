import ArgumentParser
import Foundation
import LapakCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new content file with every field and a comment for each.",
        discussion: """
        The file name comes from the title (`Tas Anyaman Pandan` → tas-anyaman-pandan.md). \
        An existing file is never overwritten. Exit status: 0 written, 1 refused, 2 wrong usage.
        """,
        subcommands: [NewProduct.self, NewNews.self, NewProducer.self, NewPage.self]
    )
}

/// Options every `lapak new` command shares.
struct NewOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/.", valueName: "DIR"))
    var source: String?

    @Option(name: .long, help: "Language of messages: id (Bahasa Indonesia) or en.")
    var lang: MessageLanguage = .id

    /// Runs the request and prints what was written, or why nothing was.
    func run(_ fill: (inout ScaffoldRequest) -> Void, kind: ScaffoldRequest.Kind, title: String) throws {
        let language = lang.language
        var request = ScaffoldRequest(kind: kind, title: title,
                                      sourceDirectory: try SiteFolder.require(source ?? ".", language: language))
        fill(&request)
        let (result, diagnostics) = Scaffolder.run(request)
        guard let result else {
            for diagnostic in DiagnosticList(diagnostics).sorted {
                FileHandle.standardError.write(Data((diagnostic.formatted(language) + "\n").utf8))
            }
            if ProducerList.isAbout(diagnostics),
               let list = ProducerList.text(sourceDirectory: request.sourceDirectory, language: language) {
                FileHandle.standardError.write(Data((list + "\n").utf8))
            }
            let summary = language == .en ? "lapak: nothing was written." : "lapak: tidak ada berkas yang ditulis."
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            throw ExitCode(1)
        }
        print(result.summary(language, source: source))
    }
}

struct NewProduct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "A product: content/products/SLUG.md.",
        discussion: "Example: lapak new product \"Tas Anyaman Pandan\" --producer desbumi-kedunggebang --image ~/tas.jpg"
    )

    @Argument(help: "The product's name, as buyers read it.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The producer: a file name in content/producers/ without .md.", valueName: "ID"))
    var producer: String?

    @Option(name: .long, help: ArgumentHelp("A category of site.yml (default: the producer's usual one).", valueName: "ID"))
    var category: String?

    @Option(name: .long, help: ArgumentHelp("Price in whole Rupiah (default 0, to fill in).", valueName: "RUPIAH"))
    var price: Int?

    @Option(name: .long, help: ArgumentHelp("A photo to copy into content/images/products/.", valueName: "FILE"))
    var image: String?

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.run({ request in
            request.producers = producer.map { [$0] } ?? []
            request.category = category
            request.price = price
            request.photo = image.map(SiteFolder.absolute)
        }, kind: .product, title: title)
    }
}

struct NewNews: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news",
        abstract: "A news article: content/news/YYYY-MM-DD-SLUG.md, dated today.",
        discussion: "Example: lapak new news \"Pelatihan Pembukuan di Blitar\" --producer kopi-gogodeso"
    )

    @Argument(help: "The headline.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The day of the event (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("A producer the article is about (repeatable).", valueName: "ID"))
    var producer: [String] = []

    @Option(name: .long, help: ArgumentHelp("A photo to copy into content/images/news/.", valueName: "FILE"))
    var image: String?

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.run({ request in
            request.date = date
            request.producers = producer
            request.photo = image.map(SiteFolder.absolute)
        }, kind: .news, title: title)
    }
}

struct NewProducer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "producer",
        abstract: "A producer group: content/producers/ID.md.",
        discussion: "Example: lapak new producer \"KOPI Bringinan\" --village Bringinan --regency Ponorogo --whatsapp 0812-3456-7890"
    )

    @Argument(help: "The group's name.")
    var title: String

    @Option(name: .long, help: "The village (desa).")
    var village: String?

    @Option(name: .long, help: "The regency (kabupaten).")
    var regency: String?

    @Option(name: .long, help: ArgumentHelp("The WhatsApp number for orders.", valueName: "NUMBER"))
    var whatsapp: String?

    @Option(name: .long, help: ArgumentHelp("A photo to copy into content/images/producers/.", valueName: "FILE"))
    var image: String?

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.run({ request in
            request.village = village
            request.regency = regency
            request.whatsapp = whatsapp
            request.photo = image.map(SiteFolder.absolute)
        }, kind: .producer, title: title)
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "A page such as /tentang/: content/pages/SLUG.md.",
        discussion: "Example: lapak new page \"Cara Pesan\""
    )

    @Argument(help: "The page's title.")
    var title: String

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.run({ _ in }, kind: .page, title: title)
    }
}
