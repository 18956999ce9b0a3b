import Foundation
import LapakCore

/// One submit of a form: preview, save, or save as a draft. Only the fields that differ from
/// the file are patched; the result is checked as `lapak check` would before anything is
/// written; a file with errors is written only as a draft; a file changed on disk since the
/// form was opened is never overwritten.
struct SaveAction {
    let context: EditorContext
    let kind: ContentKind
    /// nil for a new file.
    let name: String?
    let form: FormData
    let csrf: String

    private var language: Language { context.language }
    private var fields: [FormField] { FormFields.of(kind) }

    func run() -> (status: Int, page: [UInt8]) {
        let action = form["_action"] ?? "publish"
        let body = (form["body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        // The file as it is now, or the template of a new one.
        let path: String
        let base: [UInt8]
        let titleKey = FormFields.titleKey(of: kind)
        let title = FormReader.singleLine(form[titleKey] ?? "")
        if let name {
            guard let existing = try? ContentFiles.path(kind: kind, name: name) else { return message(404, .badName) }
            path = existing
            do {
                base = try context.files.read(path)
            } catch {
                return message(404, .notFound)
            }
        } else {
            guard !title.isEmpty, let new = NewContentFile.path(kind: kind, title: title) else {
                return (422, screen(values: FormReader.submitted(form, fields: fields, map: nil), body: body, digest: "",
                                    problems: [titleKey: [EditorMessage.titleRequired.text(language)]]))
            }
            path = new
            if (try? context.files.read(path)) != nil {
                return (409, screen(values: FormReader.submitted(form, fields: fields, map: nil), body: body, digest: "",
                                    notices: [(EditorMessage.fileExists(path: path).text(language), false)]))
            }
            base = Array(NewContentFile.text(kind: kind, title: title).utf8)
        }
        guard let map = SourceMap.read(base, file: path) else { return message(422, .cannotRead(path: path)) }
        var submitted = FormReader.submitted(form, fields: fields, map: map)
        let digest = name == nil ? "" : ContentFiles.digest(base)

        if name != nil, form["_hash"] != digest {
            return (409, conflict(submitted: submitted, body: body, map: map, bytes: base, digest: digest))
        }
        var pending = pendingPhoto()
        if action == "preview" {
            return (200, screen(values: submitted, body: body, digest: digest, pending: pending, preview: context.preview(body)))
        }
        if let photoField = fields.first(where: { if case .photo = $0.kind { true } else { false } }) {
            if let upload = form.files["photo"], !upload.bytes.isEmpty, case .photo(let folder) = photoField.kind {
                do {
                    pending = try context.files.importPhoto(upload.bytes, folder: folder, name: Self.stem(of: path))
                } catch {
                    let text: String
                    if case .photo(.notAPhoto) = error {
                        text = EditorMessage.uploadNotAPhoto.text(language)
                    } else if case .photo(let problem) = error {
                        text = context.sentence(.error(.photo(problem), at: SourceLocation(file: "photo")))
                    } else {
                        text = EditorMessage.uploadFailed(reason: "\(error)").text(language)
                    }
                    return (422, screen(values: submitted, body: body, digest: digest, pending: nil, problems: [photoField.key: [text]]))
                }
            }
            if let pending {
                submitted[photoField.key] = FormReader.withPhoto(pending, field: photoField, current: map.value(of: photoField.key),
                                                                 alt: title.isEmpty ? Self.stem(of: path) : title)
            }
        }
        var changes = FormReader.changes(submitted, fields: fields, map: map)
        let isDraft = map.value(of: "draft") == .text("true")
        if action == "draft" && !isDraft { changes.append(("draft", .text("true"))) }
        if action != "draft" && isDraft { changes.append(("draft", .text("false"))) }
        let bodyChanged = body != map.body(of: base)
        let patched: [UInt8]
        do {
            patched = try FrontMatterPatcher.patch(base, file: path, changes: changes, body: bodyChanged ? body : nil)
        } catch {
            return (422, screen(values: submitted, body: body, digest: digest, pending: pending,
                                notices: [(EditorMessage.cannotWrite(reason: "\(error)").text(language), false)]))
        }
        let diagnostics = FileCheck.run(UnsavedFile(path: path, bytes: patched), sourceDirectory: context.sourceDirectory)
        let patchedMap = SourceMap.read(patched, file: path)
        let problems = context.problems(diagnostics, map: patchedMap, kind: kind)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if action != "draft" && errors > 0 {
            return (422, screen(values: submitted, body: body, digest: digest, pending: pending, problems: problems,
                                notices: [(EditorMessage.publishRefused(errors: errors).text(language), false)]))
        }
        do {
            if name != nil {
                try context.files.replace(path, with: patched, expecting: digest)
            } else {
                try context.files.create(path, with: patched)
            }
        } catch .changedOnDisk {
            let now = (try? context.files.read(path)) ?? base
            return (409, conflict(submitted: submitted, body: body, map: SourceMap.read(now, file: path) ?? map, bytes: now,
                                  digest: ContentFiles.digest(now)))
        } catch .exists {
            return (409, screen(values: submitted, body: body, digest: digest, notices: [(EditorMessage.fileExists(path: path).text(language), false)]))
        } catch {
            return (500, screen(values: submitted, body: body, digest: digest, pending: pending,
                                notices: [(EditorMessage.cannotWrite(reason: "\(error)").text(language), false)]))
        }
        let savedName = Self.stem(of: path)
        let saved: EditorMessage = action == "draft" ? .savedAsDraft(path: path) : .saved(path: path)
        return (200, FormScreen(kind: kind, name: savedName, language: language,
                                values: FormReader.values(of: fields, map: patchedMap), body: patchedMap?.body(of: patched) ?? body,
                                problems: problems, notices: [(saved.text(language), true)], csrf: csrf,
                                digest: ContentFiles.digest(patched), pendingPhoto: nil, categories: context.categories,
                                producers: context.producers, previewHTML: nil,
                                pageLink: context.pageLink(kind: kind, name: savedName, map: patchedMap)).html())
    }

    /// The form again, with what the member typed kept.
    private func screen(values: [String: FieldValue], body: String, digest: String, pending: String? = nil,
                        problems: [String: [String]] = [:], notices: [(text: String, ok: Bool)] = [],
                        preview: String? = nil) -> [UInt8] {
        FormScreen(kind: kind, name: name, language: language, values: values, body: body, problems: problems,
                   notices: notices, csrf: csrf, digest: digest, pendingPhoto: pending, categories: context.categories,
                   producers: context.producers, previewHTML: preview, pageLink: nil).html()
    }

    /// The file changed on disk: nothing is written; beside each field that differs, what the
    /// file holds now. The form carries the new digest, so saving again is a choice made knowingly.
    private func conflict(submitted: [String: FieldValue], body: String, map: SourceMap, bytes: [UInt8], digest: String) -> [UInt8] {
        var problems: [String: [String]] = [:]
        let label = language == .id ? "Isi di berkas sekarang: " : "Now in the file: "
        for field in fields {
            let now = map.value(of: field.key) ?? .text("")
            guard let typed = submitted[field.key], typed != now, !(typed.isEmpty && now.isEmpty) else { continue }
            problems[field.key] = [label + Self.shown(now)]
        }
        let diskBody = map.body(of: bytes)
        if diskBody != body { problems["body", default: []].append(label + diskBody) }
        return screen(values: submitted, body: body, digest: digest, problems: problems,
                      notices: [(EditorMessage.changedOnDisk.text(language), false)])
    }

    private func message(_ status: Int, _ message: EditorMessage) -> (status: Int, page: [UInt8]) {
        (status, EditorLayout.page(title: language == .id ? "Penyunting" : "Editor", language: language,
                                   body: EditorLayout.notice(message.text(language), ok: false)))
    }

    /// A photo imported by an earlier submit of this form, when it is one the editor could have made.
    private func pendingPhoto() -> String? {
        guard let written = form["_photo"], !written.isEmpty else { return nil }
        let parts = written.split(separator: "/").map(String.init)
        guard parts.count == 3, parts[0] == "images", ["products", "producers", "news", "pages"].contains(parts[1]),
              ContentFiles.isValidName(parts[2]), (try? context.files.read("content/" + written)) != nil else { return nil }
        return written
    }

    /// `content/products/tas.md` → `tas`.
    static func stem(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    static func shown(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): text
        case .list(let items): items.joined(separator: ", ")
        case .rows(let rows): rows.map { $0.map { "\($0.key): \($0.value)" }.joined(separator: ", ") }.joined(separator: "; ")
        case .entries(let entries): entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
    }
}
