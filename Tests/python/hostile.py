"""Reading the hostile-content corpus (Tests/hostile/*.case) and checking built pages with a real
HTML tokenizer: what a case is, how a site is made from it, and what "safe" means for a page."""
import html.parser
import json
import os
import pathlib
import re
import photo_fixtures

REPO = pathlib.Path(__file__).resolve().parents[2]
LAPAK = pathlib.Path(os.environ.get("LAPAK_BIN", REPO / ".build" / "debug" / "lapak"))
CORPUS = REPO / "Tests" / "hostile"
# A real photo (libvips decodes every photo a site names), 800×600 so no check finds it small.
TINY_JPEG = photo_fixtures.jpeg_bytes(photo_fixtures.picture((800, 600), 1, 8), 85)

# The site every case starts from; a case's files are added to it or replace its files.
BASE = {
    "content/site.yml": 'title: "Lapak Uji"\nbase_url: "https://uji.example.org/"\ncategories:\n'
                        '  tas-anyaman: "Tas Anyaman"\n  jamu: "Jamu"\n',
    "content/producers/desbumi-kedunggebang.md": '---\nname: "Desbumi Kedunggebang"\nvillage: "Kedunggebang"\n'
                                                 'regency: "Banyuwangi"\nwhatsapp: "0812-0000-0101"\n---\nKelompok penganyam.\n',
    "content/images/products/tas.jpg": TINY_JPEG,
    "content/products/tas.md": '---\ntitle: "Tas Anyaman Pandan"\nprice: 85000\ncategory: tas-anyaman\n'
                               'producer: desbumi-kedunggebang\nimages: [images/products/tas.jpg]\n---\nTas dari pandan.\n',
}

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "background", "longdesc", "usemap",
                  "codebase", "data", "manifest", "icon", "ping", "xlink:href"}
URL_METAS = {"og:url", "og:image", "og:image:url", "og:image:secure_url", "og:video", "og:video:url",
             "og:video:secure_url", "og:audio", "og:audio:url", "og:audio:secure_url", "twitter:image",
             "twitter:image:src", "twitter:player", "twitter:url"}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
INERT = "#invalid-url"
# What cmark's HTML renderer produces, besides what the theme does.
MARKDOWN_MARKUP = {("p", None), ("em", None), ("strong", None), ("a", "href"), ("a", "title"), ("img", "src"),
                   ("img", "alt"), ("img", "title"), ("ul", None), ("ol", None), ("ol", "start"), ("li", None),
                   ("blockquote", None), ("pre", None), ("code", None), ("code", "class"), ("br", None), ("hr", None)} | {
                      (f"h{n}", None) for n in range(1, 7)}


class Case:
    """One corpus file: a description, the outcome it must have, and the files it adds.

        # what the case tries            (comment lines)
        expect: built | error LOCATION | MESSAGE | warning LOCATION | MESSAGE
        text: PAGE | TEXT                (optional, repeatable: TEXT must be text on PAGE)
        === PATH [crlf] [bom]            (a file; `\\uXXXX` in PATH is a code point)
        === symlink PATH -> TARGET       (`{outside}` is a folder outside the site)
        @@repeat COUNT TEXT              (inside a file: TEXT repeated, without a newline)
    """

    def __init__(self, path):
        self.name = path.stem
        self.description = []
        self.expect = None
        self.texts = []
        self.files = {}
        self.links = {}
        current = None
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.startswith("=== "):
                current = self._section(line[4:])
                continue
            if current is not None:
                self.files[current[0]].append(line)
                continue
            if line.startswith("#"):
                self.description.append(line[1:].strip())
            elif line.startswith("expect: "):
                self.expect = self._expectation(line[len("expect: "):])
            elif line.startswith("text: "):
                page, _, text = line[len("text: "):].partition(" | ")
                self.texts.append((page.strip(), text))
        self.flags = {}
        for path_text in list(self.files):
            self.files[path_text] = self._render(self.files.pop(path_text), path_text)
        assert self.expect, f"{path}: no expect line"

    def _section(self, header):
        if header.startswith("symlink "):
            source, _, target = header[len("symlink "):].partition(" -> ")
            self.links[_unescape(source.strip())] = target.strip()
            return None
        parts = header.split()
        path = _unescape(parts[0])
        self.files[path] = []
        self._pending_flags = getattr(self, "_pending_flags", {})
        self._pending_flags[path] = set(parts[1:])
        return (path,)

    def _render(self, lines, path):
        while lines and lines[-1] == "":
            lines.pop()
        out = []
        for line in lines:
            if line.startswith("@@repeat "):
                _, count, text = line.split(" ", 2)
                out.append(text * int(count))
            else:
                out.append(line)
        flags = self._pending_flags.get(path, set())
        newline = "\r\n" if "crlf" in flags else "\n"
        text = newline.join(out) + newline
        return ("\ufeff" if "bom" in flags else "") + text

    @staticmethod
    def _expectation(text):
        kind, _, rest = text.partition(" ")
        if kind == "built":
            return ("built", None, None)
        location, _, message = rest.partition(" | ")
        assert kind in ("error", "warning"), text
        return (kind, location.strip(), message.strip())


def _unescape(path):
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), path)


def cases():
    return sorted((Case(p) for p in CORPUS.glob("*.case")), key=lambda c: c.name)


def write_site(root, case, outside):
    """The base site with the case's files and links."""
    files = dict(BASE)
    files.update(case.files)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    for rel, target in case.links.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            if path.is_dir() and not path.is_symlink():
                import shutil
                shutil.rmtree(path)
            else:
                path.unlink()
        path.symlink_to(target.replace("{outside}", str(outside)))


class Page(html.parser.HTMLParser):
    """Every element, attribute, script and text of one page, as a browser's tokenizer sees them."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.scripts = []
        self.texts = []
        self._script = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        if tag == "script":
            self._script = [dict(attrs), ""]
            self.scripts.append(self._script)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data
        else:
            self.texts.append(data)


def markup_of(page):
    """(element, attribute) pairs a page uses, with (element, None) for each element."""
    pairs = set()
    for tag, attrs in page.elements:
        pairs.add((tag, None))
        for name, _ in attrs:
            pairs.add((tag, name))
    return pairs


def scheme_allowed(url):
    """The policy of `URLPolicy.allows`, written again from the specification's rules."""
    if url == INERT:
        return True
    url = url.lstrip("".join(chr(c) for c in range(0x21)))
    url = url.replace("\t", "").replace("\n", "").replace("\r", "")
    match = re.match(r"^([^/?#]*?):", url)
    return match is None or match.group(1).lower() in ALLOWED_SCHEMES


def problems(page, allowed_markup):
    """Why a page is not safe; empty when it is."""
    found = []
    for pair in markup_of(page) - allowed_markup - MARKDOWN_MARKUP:
        found.append(f"markup that neither the theme nor Markdown makes: {pair}")
    for tag, attrs in page.elements:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc"):
                found.append(f"<{tag} {name}>")
            urls = []
            if name in URL_ATTRIBUTES or re.search(r"url|uri|src|href", name.removeprefix("data-")):
                urls = [value or ""]
            if name in ("srcset", "imagesrcset"):
                urls = [candidate.strip().split(" ")[0] for candidate in (value or "").split(",") if candidate.strip()]
            if tag == "meta" and name == "content" and (values.get("property") or values.get("name") or "").lower() in URL_METAS:
                urls = [value or ""]
            found += [f"<{tag} {name}={url!r}>" for url in urls if not scheme_allowed(url)]
    for attrs, text in page.scripts:
        if attrs.get("type") == "application/ld+json":
            try:
                json.loads(text)
            except ValueError as error:
                found.append(f"JSON-LD that does not parse: {error}")
            if "<" in text or "\u2028" in text or "\u2029" in text:
                found.append("JSON-LD with a raw '<' or line separator")
        elif text.strip() or "src" not in attrs:
            found.append(f"a script that is not the theme's: {attrs} {text[:40]!r}")
    return found
