#!/usr/bin/env python3
"""Renders the differential corpus with Jinja2 and writes the expected outputs.

Each case is cases/NAME.html with an optional context cases/NAME.json; the output goes to
NAME.out. Files whose names start with '_' are partials (included, extended, imported).

A case named error_*.html must fail: instead of NAME.out it gets NAME.err, the template and line
Jinja2 reports the error at (`error_x.html:3`, or the partial's name when the error is in one),
and the engine must fail at the same place.

    python3 regenerate.py             # rewrite cases/*.out
    python3 regenerate.py --out DIR   # write the outputs to DIR instead (used to check freshness)
"""
import argparse
import json
import os
import sys
import traceback

import jinja2
from markupsafe import Markup

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")


def html_safe_json(value, indent=None):
    """The engine's `json` filter: insertion order, compact unless indented, safe in <script>."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)


def environment():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(CASES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["json"] = html_safe_json
    env.filters["tojson"] = html_safe_json
    return env


def error_location(error):
    """Where Jinja2 places an error: the innermost template frame of the traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"{error.name}:{error.lineno}"
    location = None
    for frame in traceback.extract_tb(error.__traceback__):
        if os.path.dirname(os.path.abspath(frame.filename)) == CASES:
            location = f"{os.path.basename(frame.filename)}:{frame.lineno}"
    return location


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=CASES)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    env = environment()
    count = 0
    failures = []
    for name in sorted(os.listdir(CASES)):
        if not name.endswith(".html") or name.startswith("_"):
            continue
        stem = name[: -len(".html")]
        context = {}
        context_path = os.path.join(CASES, stem + ".json")
        if os.path.exists(context_path):
            with open(context_path, encoding="utf-8") as f:
                context = json.load(f)
        expects_error = stem.startswith("error_")
        try:
            output = env.get_template(name).render(**context)
        except Exception as error:  # every broken case is listed, not just the first
            location = error_location(error) if expects_error else None
            if location is None:
                failures.append(f"{name}: {type(error).__name__}: {error}")
                continue
            with open(os.path.join(args.out, stem + ".err"), "w", encoding="utf-8", newline="") as f:
                f.write(location + "\n")
            count += 1
            continue
        if expects_error:
            failures.append(f"{name}: rendered without the error its name promises")
            continue
        with open(os.path.join(args.out, stem + ".out"), "w", encoding="utf-8", newline="") as f:
            f.write(output)
        count += 1
    print(f"rendered {count} cases into {args.out}", file=sys.stderr)
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
