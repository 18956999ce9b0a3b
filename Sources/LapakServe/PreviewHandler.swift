import FlyingFox
import Foundation
import LapakCore

/// Answers every request of the preview: the reload stream, the site's files rendered on demand
/// (pages with the reload script), the theme's 404 page, or the diagnostics while the content has
/// errors or the page's template fails.
struct PreviewHandler: HTTPHandler {
    let files: SiteFiles
    let state: PreviewState
    let hub: ReloadHub
    /// Bound to loopback: requests must name this computer in `Host`.
    let loopbackOnly: Bool
    let language: Language
    /// For the lines of source shown with a diagnostic.
    let sourceDirectory: String
    /// `--edit`: the editor under `/_lapak/`; nil answers 404 there.
    var editor: EditorHandler?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let host = request.headers[.host], let name = LocalHosts.name(ofHostHeader: host) else {
            return text(.badRequest, language == .id ? "Permintaan tanpa Host yang sah." : "Missing or malformed Host.")
        }
        if loopbackOnly && !LocalHosts.isLocal(name) {
            return text(.forbidden, language == .id
                ? "Pratinjau ini hanya melayani localhost dan 127.0.0.1."
                : "This preview only answers to localhost and 127.0.0.1.")
        }
        if EditorRoute.isEditorPath(request.target.path()) {
            guard let editor else { return text(.notFound, language == .id ? "Halaman tidak ditemukan." : "Not found.") }
            return await editor.handle(request, host: host)
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = text(.methodNotAllowed, "GET, HEAD")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        let target = request.target.path()
        if target == ReloadScript.endpoint {
            guard LocalHosts.originMatches(request.headers[HTTPHeader("Origin")], host: host) else {
                return text(.forbidden, language == .id ? "Asal permintaan tidak dikenal." : "Foreign origin.")
            }
            return events()
        }
        let head = request.method == .HEAD
        switch RequestPath.parse(target) {
        case .malformed:
            return text(.badRequest, language == .id ? "Alamat tidak sah." : "Malformed path.")
        case .hidden:
            return notFound(for: "", head: head)
        case .path(let relative):
            return serve(relative, head: head)
        }
    }

    private func serve(_ relative: String, head: Bool) -> HTTPResponse {
        let snapshot = state.current
        switch files.lookup(relative) {
        case .folder(let location):
            var response = HTTPResponse(statusCode: .movedPermanently)
            response.headers[.location] = location
            return response
        case .file(let file):
            let type = ContentTypes.of(file.path)
            if type == ContentTypes.html, let failure = snapshot.failure {
                return errorPage(failure, generation: snapshot.generation, head: head)
            }
            switch file.render() {
            case .bytes(let data):
                let body = type == ContentTypes.html ? ReloadScript.inject(into: data, generation: snapshot.generation) : data
                return bytes(.ok, body, type: type, head: head)
            case .failed(let diagnostics):
                return errorPage(Checker.report(diagnostics, sourceDirectory: sourceDirectory), generation: snapshot.generation, head: head)
            case .gone:
                return notFound(for: relative, head: head)
            }
        case .missing:
            return notFound(for: relative, head: head)
        }
    }

    private func errorPage(_ report: CheckReport, generation: Int, head: Bool) -> HTTPResponse {
        bytes(.internalServerError, ErrorPage.html(report, language: language, generation: generation), type: ContentTypes.html, head: head)
    }

    /// The theme's 404 page in the language of the address asked for (`en/…` → `en/404.html`),
    /// or the diagnostics while the build is failing.
    private func notFound(for relative: String, head: Bool) -> HTTPResponse {
        let snapshot = state.current
        if let failure = snapshot.failure {
            return errorPage(failure, generation: snapshot.generation, head: head)
        }
        let prefix = relative.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        var page = "404.html"
        if !prefix.isEmpty, case .file = files.lookup(prefix + "/404.html") { page = prefix + "/404.html" }
        if case .file(let file) = files.lookup(page) {
            switch file.render() {
            case .bytes(let data):
                return bytes(.notFound, ReloadScript.inject(into: data, generation: snapshot.generation), type: ContentTypes.html, head: head)
            case .failed(let diagnostics):
                return errorPage(Checker.report(diagnostics, sourceDirectory: sourceDirectory), generation: snapshot.generation, head: head)
            case .gone:
                break
            }
        }
        return text(.notFound, language == .id ? "Halaman tidak ditemukan." : "Not found.")
    }

    private func events() -> HTTPResponse {
        let stream = hub.subscribe(generation: state.current.generation)
        return HTTPResponse(statusCode: .ok, headers: [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-store",
        ], body: HTTPBodySequence(from: EventStreamBody(events: stream), suggestedBufferSize: 1024))
    }

    private func bytes(_ status: HTTPStatusCode, _ body: [UInt8], type: String, head: Bool) -> HTTPResponse {
        var response = HTTPResponse(statusCode: status, headers: [
            .contentType: type,
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ], body: head ? Data() : Data(body))
        if head { response.headers[.contentLength] = String(body.count) }
        return response
    }

    private func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        bytes(status, Array((message + "\n").utf8), type: "text/plain; charset=utf-8", head: false)
    }
}
