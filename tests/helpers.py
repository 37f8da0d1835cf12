"""Shared test helpers: build a site from a seeds folder, serve it on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does: `!ENV [NAME, default]` is the variable, else the default."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else names + [None]
    return next((os.environ[v] for v in variables if v in os.environ), default)


ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)


def write_config(workdir: Path, seeds_dir: Path, site_url: str | None = None, **plugin_overrides) -> Path:
    """A mkdocs.yml in workdir that builds the project's site from another seeds folder."""
    config = read_config()
    if site_url is not None:
        config["site_url"] = site_url
    config["docs_dir"] = str(ROOT / "docs_src")
    config["theme"]["custom_dir"] = str(ROOT / "theme_overrides")
    plugin = config["plugins"][0]["digest"]
    plugin.update(seeds_dir=str(seeds_dir), cache_dir=str(workdir / "cache"), **plugin_overrides)
    path = workdir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_site(config: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as a maintainer would; raise with its output when it fails."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})},
                          cwd=config.parent, timeout=900)
    if proc.returncode != 0:
        raise AssertionError(f"mkdocs build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def load_digest(site_dir: Path) -> dict:
    return json.loads((site_dir / "data" / "digest.json").read_text(encoding="utf-8"))


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        # Serve the site under a sub-path (like a GitHub Pages project site) when asked to.
        parts = urlsplit(path)
        if not parts.path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + parts.path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None) -> None:
        # Like GitHub Pages: a missing page is answered with the site's own 404.html.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(directory: Path, prefix: str = "/"):
    """Serve directory on 127.0.0.1 (random port); yields the base URL, ending with '/'."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def guarded_page(browser):
    """A browser page in a context of its own; on leaving, fails if any request left 127.0.0.1
    or a dialog fired (for module fixtures that keep one page over several tests)."""
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []

    def check(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1",):
            outside.append(request.url)

    page.on("request", check)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not dialogs, f"a dialog fired: {dialogs}"
