import FlyingFox
import Foundation
import LapakCore

/// Answers everything under `/_lapak/` when `lapak serve --edit` runs: checks who asks (session,
/// PIN, Origin, CSRF), reads the form within the size limit, and hands it to the screen or
/// action its address names.
struct EditorHandler: Sendable {
    /// Photos from phones are a few MB; 25 MB leaves room for any camera without letting a
    /// client fill the memory.
    static let maxBodyBytes = 25 * 1_048_576

    let context: EditorContext
    let access: EditorAccess

    private var language: Language { context.language }

    func handle(_ request: HTTPRequest, host: String) async -> HTTPResponse {
        guard case .path(let relative) = RequestPath.parse(request.target.path()),
              let route = EditorRoute.parse("/" + relative) else {
            return page(404, EditorMessage.notFound)
        }
        let post = request.method == .POST
        let allowed = route == .pin ? [HTTPMethod.GET, .POST] : route.isPost ? [.POST] : [.GET]
        guard allowed.contains(request.method) else {
            var response = page(405, EditorMessage.notFound)
            response.headers[HTTPHeader("Allow")] = route.isPost ? "POST" : (route == .pin ? "GET, POST" : "GET")
            return response
        }
        // A page on another site may make a browser post here; the browser names that site.
        if post && !LocalHosts.originMatches(request.headers[HTTPHeader("Origin")], host: host) {
            return page(403, .foreignOrigin)
        }
        if route == .pin { return await pin(request, post: post) }

        var newCookie: String?
        let session: EditorAccess.Session
        if let found = access.session(cookieHeader: request.headers[HTTPHeader("Cookie")]) {
            session = found.session
        } else if access.needsPIN || post {
            if post { return page(403, .sessionMissing) }
            var response = HTTPResponse(statusCode: .seeOther)
            response.headers[.location] = "/_lapak/pin"
            return response
        } else {
            // On loopback whoever sits at this computer may edit: a session is opened at once.
            let token = access.openSession()
            guard let opened = access.session(cookieHeader: "\(EditorAccess.cookieName)=\(token)") else { return page(500, .sessionMissing) }
            session = opened.session
            newCookie = token
        }

        var response: HTTPResponse
        if post {
            guard let form = await readForm(request) else {
                return page(413, .uploadTooLarge(limitMB: Self.maxBodyBytes / 1_048_576), close: true)
            }
            guard access.csrfMatches(form["_csrf"], session: session) else { return page(403, .csrfRefused) }
            response = act(route, form: form, csrf: session.csrf)
        } else {
            response = show(route, query: request.query, csrf: session.csrf)
        }
        if let newCookie { response.headers[HTTPHeader("Set-Cookie")] = EditorAccess.setCookie(newCookie) }
        return response
    }

    private func show(_ route: EditorRoute, query: [HTTPRequest.QueryItem], csrf: String) -> HTTPResponse {
        switch route {
        case .list:
            let kind = query["kind"].flatMap(ContentKind.init(rawValue:)) ?? .product
            return html(200, ListScreens.list(context.items(of: kind), kind: kind, query: query["q"] ?? "", notice: nil, language: language))
        case .script:
            var response = html(200, Array(EditorScript.source.utf8))
            response.headers[.contentType] = "text/javascript; charset=utf-8"
            return response
        case .changes:
            let since = ChangeList.lastBuild(sourceDirectory: context.sourceDirectory)
            return html(200, ListScreens.changes(ChangeList.changed(sourceDirectory: context.sourceDirectory, since: since),
                                                 since: since, language: language))
        case .newFile(let kind):
            return html(200, form(kind: kind, name: nil, map: nil, bytes: [], csrf: csrf))
        case .edit(let kind, let name):
            guard let path = try? ContentFiles.path(kind: kind, name: name), let bytes = try? context.files.read(path) else {
                return page(404, .notFound)
            }
            guard let map = SourceMap.read(bytes, file: path) else { return page(422, .cannotRead(path: path)) }
            return html(200, form(kind: kind, name: name, map: map, bytes: bytes, csrf: csrf))
        default:
            return page(404, .notFound)
        }
    }

    private func form(kind: ContentKind, name: String?, map: SourceMap?, bytes: [UInt8], csrf: String) -> [UInt8] {
        var values = FormReader.values(of: FormFields.of(kind), map: map)
        if name == nil {
            // A new file starts with what `lapak new` would write (today's date, not featured),
            // and no photo yet.
            let template = Array(NewContentFile.text(kind: kind, title: "").utf8)
            values = FormReader.values(of: FormFields.of(kind), map: SourceMap.read(template, file: "new.md"))
            for field in FormFields.of(kind) where field.kind.isPhoto { values[field.key] = .text("") }
        }
        return FormScreen(kind: kind, name: name, language: language, values: values,
                   body: map?.body(of: bytes) ?? "", problems: [:], notices: [], csrf: csrf,
                   digest: name == nil ? "" : ContentFiles.digest(bytes), pendingPhoto: nil,
                   categories: context.categories, producers: context.producers, previewHTML: nil,
                   pageLink: name.map { context.pageLink(kind: kind, name: $0, map: map) }).html()
    }

    private func act(_ route: EditorRoute, form: FormData, csrf: String) -> HTTPResponse {
        switch route {
        case .create(let kind):
            let (status, page) = SaveAction(context: context, kind: kind, name: nil, form: form, csrf: csrf).run()
            return html(status, page)
        case .save(let kind, let name):
            let (status, page) = SaveAction(context: context, kind: kind, name: name, form: form, csrf: csrf).run()
            return html(status, page)
        case .delete(let kind, let name):
            guard let path = try? ContentFiles.path(kind: kind, name: name) else { return page(404, .badName) }
            do {
                try context.files.moveToTrash(path, photos: DeleteAction.unusedPhotos(of: path, files: context.files))
            } catch .missing {
                return page(404, .notFound)
            } catch {
                return page(500, .cannotWrite(reason: "\(error)"))
            }
            return html(200, ListScreens.list(context.items(of: kind), kind: kind, query: "",
                                              notice: EditorMessage.deleted(path: path).text(language), language: language))
        default:
            return page(404, .notFound)
        }
    }

    private func pin(_ request: HTTPRequest, post: Bool) async -> HTTPResponse {
        guard access.needsPIN else {
            var response = HTTPResponse(statusCode: .seeOther)
            response.headers[.location] = "/_lapak/"
            return response
        }
        guard post else { return html(200, ListScreens.pin(language: language, message: nil)) }
        guard let form = await readForm(request) else { return page(413, .uploadTooLarge(limitMB: 1), close: true) }
        switch access.enter(pin: form["pin"] ?? "") {
        case .accepted(let token):
            var response = HTTPResponse(statusCode: .seeOther)
            response.headers[.location] = "/_lapak/"
            response.headers[HTTPHeader("Set-Cookie")] = EditorAccess.setCookie(token)
            return response
        case .wrong(let left):
            return html(403, ListScreens.pin(language: language, message: EditorMessage.pinWrong(attemptsLeft: left).text(language)))
        case .locked(let until):
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            return html(429, ListScreens.pin(language: language, message: EditorMessage.pinLocked(minutes: minutes).text(language)))
        }
    }

    /// The submitted form, or nil when the body is larger than the limit or cannot be read.
    private func readForm(_ request: HTTPRequest) async -> FormData? {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maxBodyBytes { return nil }
        var bytes: [UInt8] = []
        do {
            for try await chunk in request.bodySequence {
                bytes += chunk
                if bytes.count > Self.maxBodyBytes { return nil }
            }
        } catch {
            return nil
        }
        let type = request.headers[.contentType] ?? ""
        if let boundary = MultipartParser.boundary(ofContentType: type) { return MultipartParser.parse(bytes, boundary: boundary) ?? FormData() }
        return FormData.urlEncoded(bytes) ?? FormData()
    }

    private func page(_ status: Int, _ message: EditorMessage, close: Bool = false) -> HTTPResponse {
        var response = html(status, EditorLayout.page(title: language == .id ? "Penyunting" : "Editor", language: language,
                                                      body: EditorLayout.notice(message.text(language), ok: false)))
        if close { response.headers[.connection] = "close" }
        return response
    }

    private func html(_ status: Int, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(statusCode: HTTPStatusCode(status, phrase: Self.phrase(status)), headers: [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
            HTTPHeader("X-Frame-Options"): "DENY",
            HTTPHeader("Referrer-Policy"): "same-origin",
            HTTPHeader("Content-Security-Policy"):
                "default-src 'none'; script-src 'self'; img-src 'self' blob:; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ], body: Data(body))
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        default: "Internal Server Error"
        }
    }
}

/// What a delete takes with the file to the trash: its photos that no other file names.
enum DeleteAction {
    static func unusedPhotos(of path: String, files: ContentFiles) -> [String] {
        guard let bytes = try? files.read(path), let map = SourceMap.read(bytes, file: path) else { return [] }
        var photos: [String] = []
        for key in ["images", "image"] {
            switch map.value(of: key) {
            case .text(let text)? where !text.isEmpty: photos.append(text)
            case .list(let items)?: photos += items
            case .rows(let rows)?: photos += rows.compactMap { $0.first { $0.key == "src" }?.value }
            default: break
            }
        }
        let others = ContentKind.allCases.flatMap { kind in
            files.names(of: kind).compactMap { try? ContentFiles.path(kind: kind, name: $0) }.filter { $0 != path }
        }
        let texts = others.compactMap { try? files.read($0) }.map { String(decoding: $0, as: UTF8.self) }
        return photos.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
            .filter { photo in !texts.contains { $0.contains(photo) } }
    }
}
