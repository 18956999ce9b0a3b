"""Shared fixtures: the committed site/, and a way to build a throwaway site with lapak."""
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
LAPAK = pathlib.Path(os.environ.get("LAPAK_BIN", REPO / ".build" / "debug" / "lapak"))


@pytest.fixture(scope="session")
def site():
    """The committed build of content/ (a Swift test checks it equals a clean build)."""
    return REPO / "site"


@pytest.fixture
def build(tmp_path):
    """Writes a content folder from a dict of files, builds it, returns the output folder."""
    def run(files):
        source = tmp_path / "src"
        for rel, text in files.items():
            path = source / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        out = tmp_path / "out"
        assert LAPAK.exists(), f"{LAPAK} missing: run `swift build --product lapak` first"
        done = subprocess.run([str(LAPAK), "build", "--source", str(source), "--output", str(out)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return out
    return run
