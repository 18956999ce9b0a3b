"""The browser tier: a fresh build of content/, served on 127.0.0.1, opened in headless Chromium.

Selenium drives Debian's chromium-driver (never one it downloads), so the tier runs offline.
Screenshots go to screenshots/ (git-ignored) for people to look at.
"""
import functools
import http.server
import json
import os
import pathlib
import subprocess
import threading
import urllib.parse

import pytest

os.environ["SE_AVOID_STATS"] = "true"  # before Selenium is imported: no statistics, no driver download

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
LAPAK = pathlib.Path(os.environ.get("LAPAK_BIN", REPO / ".build" / "debug" / "lapak"))
SCREENSHOTS = REPO / "screenshots"
CHROMEDRIVER = "/usr/bin/chromedriver"
SIZES = {"mobile": (360, 740), "desktop": (1280, 800)}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """content/ built into a temporary folder with the lapak binary under test."""
    assert LAPAK.exists(), f"{LAPAK} missing: run `swift build --product lapak` first"
    out = tmp_path_factory.mktemp("site") / "out"
    done = subprocess.run([str(LAPAK), "build", "--source", str(REPO), "--output", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def products(built):
    return json.loads((built / "products.json").read_text(encoding="utf-8"))["products"]


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static host as a real one behaves: 404.html for unknown paths, no log noise."""

    def send_error(self, code, message=None, explain=None):
        page = pathlib.Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve_folder():
    """Serves a folder on a free loopback port and returns its base URL; all stop with the session."""
    servers = []

    def start(directory):
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(built, serve_folder):
    """Base URL of the built site on a free loopback port; stops with the session."""
    return serve_folder(built)


@pytest.fixture(scope="session")
def make_chrome():
    """chrome() for tests that need their own browser (a phone's screen, say)."""
    return chrome


def chrome(javascript=True, device=None):
    """Headless Chromium from Debian's driver; `device` is Chromium's mobile emulation metrics."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--disable-background-networking", "--disable-component-update", "--no-first-run",
                     "--disable-sync", "--disable-default-apps"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    if device:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": device})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    if not device:
        driver.set_window_size(*SIZES["mobile"])
    return driver


@pytest.fixture(scope="session")
def driver():
    browser = chrome()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def driver_without_js():
    browser = chrome(javascript=False)
    yield browser
    browser.quit()


class Visit:
    """Opens pages and keeps what the browser logged: console messages and every request made."""

    def __init__(self, driver, base):
        self.driver, self.base = driver, base

    def __call__(self, path):
        self.drain()
        self.driver.get(self.base + path)
        return self.driver

    def drain(self):
        """Returns (console errors, requested URLs) since the last call, and forgets them."""
        errors = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return errors, urls

    def assert_clean(self, missing=None):
        """No console error, and no request to any host but the test server. `missing` is a path
        expected to answer 404 (the not-found page), whose status Chromium logs as an error."""
        errors, urls = self.drain()
        if missing:
            errors = [e for e in errors if not e["message"].startswith(f"{self.base}{missing} - ")]
        assert not errors, errors
        host = urllib.parse.urlsplit(self.base).netloc
        foreign = [u for u in urls if not u.startswith("data:") and urllib.parse.urlsplit(u).netloc != host]
        assert not foreign, foreign
        return urls


@pytest.fixture
def visit(driver, server):
    driver.set_window_size(*SIZES["mobile"])
    return Visit(driver, server)


@pytest.fixture(scope="session")
def screenshot():
    """Saves the current page at both sizes, for people to look at."""
    def save(driver, name):
        SCREENSHOTS.mkdir(exist_ok=True)
        for size in SIZES.values():
            driver.set_window_size(*size)
            driver.save_screenshot(str(SCREENSHOTS / f"{name}-{size[0]}x{size[1]}.png"))
        driver.set_window_size(*SIZES["mobile"])
    return save
