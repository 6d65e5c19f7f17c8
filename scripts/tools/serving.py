"""Serving a built site on loopback and waiting for pages: shared by the tests and the benchmark.

The static host answers as a real one would (text gzip-compressed when the browser accepts
it, optional extra headers such as a Content-Security-Policy) and stays quiet: no request
log, and a client that hangs up early (LinkChecker does) is not an error.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

# The browser every measurement and browser test drives: Debian's Chromium unless $CHROMIUM says otherwise.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

COMPRESSED_TYPES = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt"}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, extra_headers: dict[str, str], compress: bool, **kwargs) -> None:
        self.extra_headers, self.compress = extra_headers, compress
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (not self.compress or path.suffix not in COMPRESSED_TYPES or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        # LinkChecker throttles every host to about three requests a second unless the
        # server answers with this header; these are our own files on loopback.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass


@contextlib.contextmanager
def served(directory: Path, headers: dict[str, str] | None = None, compress: bool = False):
    """A built site on a free loopback port; yields its base URL."""
    handler = functools.partial(StaticHost, directory=str(directory), extra_headers=headers or {}, compress=compress)
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def preview(project_root: Path):
    """``make serve`` (the README's first command) in a project copy on a free port; yields its base URL.

    Runs with this Python's virtual environment; the server and its children stop afterwards."""
    port = free_port()
    venv = Path(sys.executable).parent.parent
    server = subprocess.Popen(["make", "serve", f"VENV={venv}", f"ADDR=127.0.0.1:{port}"], cwd=project_root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_text(url: str) -> str:
    """The page's text, or "" while it cannot be fetched."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(url: str, text: str, seconds: float) -> float:
    """Poll a page until it contains ``text``; the seconds it took. Raises TimeoutError."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if text in page_text(url):
            return time.monotonic() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} ei näyttänyt tekstiä {text!r} {seconds} sekunnissa.")
