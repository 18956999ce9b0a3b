import Imaging
import Foundation

/// The files of one run: the new file's claim on its name, its photo, and the writing.
extension ScaffoldRun {
    mutating func refuse(_ problem: Problem, _ option: String) {
        diagnostics.append(.error(problem, at: SourceLocation(file: option)))
    }

    /// The new file must not exist, and its slug must not be taken by another file's `slug:`.
    mutating func claim(_ path: String, slugs: [(slug: String, path: String)]) {
        file = path
        if FileSystem.exists(root + "/" + path) {
            diagnostics.append(.error(.fileExists(path: path), at: SourceLocation(file: path)))
        } else if let other = slugs.first(where: { $0.slug == slug }) {
            diagnostics.append(.error(.duplicateSlug(slug: slug, otherFile: other.path), at: SourceLocation(file: path)))
        }
    }

    /// The photo to name in the file, under `content/`: one given with `--image` (copied at write
    /// time), or one already saved under the slug's name.
    mutating func photo(folder: String) -> String? {
        if let source = request.photo {
            guard FileSystem.exists(source), !FileSystem.isDirectory(source) else {
                refuse(.photoNotFound(path: source), "--image")
                return nil
            }
            let head = (try? FileSystem.readBytes(source).prefix(16)).map(Array.init) ?? []
            guard let ext = PhotoFile.fileExtension(of: head) else {
                refuse(.unsupportedPhoto(path: source), "--image")
                return nil
            }
            let target = "\(folder)/\(slug).\(ext)"
            if FileSystem.exists(root + "/content/" + target) {
                diagnostics.append(.error(.fileExists(path: "content/" + target), at: SourceLocation(file: "content/" + target)))
            }
            photoSource = source
            photoTarget = "content/" + target
            return target
        }
        for ext in PhotoFile.extensions where FileSystem.exists(root + "/content/\(folder)/\(slug).\(ext)") {
            return "\(folder)/\(slug).\(ext)"
        }
        return nil
    }

    /// Photo first, then the file, each created exclusively; a failed file write takes the photo back.
    func write(_ text: String) -> (result: ScaffoldResult?, diagnostics: [Diagnostic]) {
        if let photoSource, let photoTarget {
            let copy: [UInt8]
            do {
                copy = try PhotoFile.safeCopy(of: try FileSystem.readBytes(photoSource))
            } catch let problem as PhotoFailure {
                return (nil, [.error(.photo(PhotoProblem(problem, path: photoSource)), at: SourceLocation(file: "--image"))])
            } catch {
                return (nil, [.error(.photoNotFound(path: photoSource), at: SourceLocation(file: "--image"))])
            }
            do {
                try NewFile.create(root + "/" + photoTarget, bytes: copy)
            } catch {
                return (nil, [failure(error, path: photoTarget)])
            }
        }
        do {
            try NewFile.create(root + "/" + file, bytes: Array(text.utf8))
        } catch {
            if let photoTarget { unlink(root + "/" + photoTarget) }
            return (nil, [failure(error, path: file)])
        }
        return (ScaffoldResult(file: file, copiedPhoto: photoTarget, photoToAdd: photoToAdd), [])
    }

    private func failure(_ error: any Error, path: String) -> Diagnostic {
        if case NewFile.Failure.exists = error { return .error(.fileExists(path: path), at: SourceLocation(file: path)) }
        return .error(.writeFailed(reason: "\(error)"), at: SourceLocation(file: path))
    }
}
