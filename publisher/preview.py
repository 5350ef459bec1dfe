"""`publisher serve`: a local preview on 127.0.0.1 that rebuilds what changed and
reloads the open page. The reload script is added to pages as they are served; the
built files never contain it.

It survives every build error: a failing article (or a failing build) is shown at
the top of every page it serves, and the next save builds again. It answers only
requests addressed to ``127.0.0.1`` or ``localhost`` (a web page elsewhere cannot
reach it through a DNS name that points here)."""

from __future__ import annotations

import html
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from publisher.build.options import ArticleResult, BuildOptions
from publisher.build.project import build_project
from publisher.coach.server import PREFIX as COACH_PREFIX
from publisher.coach.server import Coach
from publisher.config import CONFIG_NAME
from publisher.errors import Problem
from publisher.failures import problem_for
from publisher.reading.find import find_articles
from publisher.site.model import SiteOptions
from publisher.theme import search_path

RELOAD_SCRIPT = (
    "<script>/* publisher serve: live reload (not in built files) */"
    "new EventSource('/__events').onmessage = () => location.reload();</script>"
)


class Preview:
    """The preview server and its watcher; ``start()`` runs both in threads."""

    def __init__(
        self,
        targets: list[Path],
        options: BuildOptions,
        port: int = 8000,
        report: Any = None,
        collections: Path | None = None,
        site: SiteOptions | None = None,
    ) -> None:
        self.targets = targets
        self.collections = collections
        """The project's collections folder: its collections are built and watched too."""
        self.site = site
        self.options = options
        self.report = report or (lambda result: None)
        self.version = 0
        self.changed = threading.Condition()
        self.results: list[ArticleResult] = []
        self.failure: list[Problem] = []
        """Why the last rebuild as a whole failed (articles' own errors are in results)."""
        self.stopping = threading.Event()
        handler = partial(_Handler, self)
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self.threads: list[threading.Thread] = []
        self.coach = Coach(targets, options)  # the writing coach, under /__coach/

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def rebuild(self) -> None:
        """Build what changed; never raises (the preview shows what went wrong)."""
        try:
            articles = find_articles(self.targets)
            folder = self.collections
            collections = find_articles([folder]) if folder and folder.is_dir() else []
            built = build_project(
                articles,
                self.options,
                collections=collections,
                site=self.site,
                jobs=1,
                progress=self.report,
            )
            self.results = built.articles + built.collections
            if built.site:
                self.results.append(built.site)
            self.failure = []
        except Exception as error:  # the one error path: publisher.failures
            self.failure = problem_for(error, None)
            for problem in self.failure:
                self.report(ArticleResult(problem.path or Path("."), errors=[problem]))
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def problems(self) -> list[Problem]:
        """Everything that failed in the last rebuild."""
        return self.failure + [p for result in self.results for p in result.errors]

    def watched(self) -> list[Path]:
        paths = [t if t.is_dir() else t.parent for t in self.targets]
        if self.collections and self.collections.is_dir():
            paths.append(self.collections)
        paths += [p for p in dict.fromkeys(search_path(self.options.project_dir)) if p.is_dir()]
        config = self.options.project_dir / CONFIG_NAME
        if config.is_file():
            paths.append(config)
        return list(dict.fromkeys(p.resolve() for p in paths))

    def watch(self) -> None:
        from watchfiles import watch

        out = self.options.out_dir.resolve()
        while not self.stopping.is_set():
            try:
                for changes in watch(
                    *self.watched(),
                    stop_event=self.stopping,
                    debounce=200,
                    rust_timeout=500,
                    yield_on_timeout=False,
                ):
                    if any(not Path(path).resolve().is_relative_to(out) for _, path in changes):
                        self.rebuild()
            except Exception as error:  # a watched folder went away, ...: watch again
                self.failure = problem_for(error, None)
                self.stopping.wait(1.0)

    def start(self) -> None:
        self.coach.start(self.stopping)
        self.rebuild()
        for target in (self.server.serve_forever, self.watch):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> None:
        self.stopping.set()
        self.coach.wake()
        with self.changed:
            self.changed.notify_all()
        self.server.shutdown()
        self.server.server_close()

    def index(self) -> str:
        site = '<p><a href="/index.html">index.html</a> (the site)</p>' if self.site else ""
        rows = []
        for result in self.results:
            if result.errors:
                problems = "".join(f"<li>{html.escape(str(p))}</li>" for p in result.errors)
                rows.append(f"<li>{html.escape(str(result.source))}<ul>{problems}</ul></li>")
                continue
            links = " · ".join(
                f'<a href="/{html.escape(str(result.slug))}/{html.escape(name)}">'
                f"{html.escape(name)}</a>"
                for name in sorted(result.files)
                if "/" not in name
            )
            coach = self.coach.links(html.escape(str(result.slug)))
            rows.append(
                f"<li><strong>{html.escape(str(result.slug))}</strong>: {links}{coach}</li>"
            )
        return (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>publisher preview</title></head><body><main><h1>publisher preview</h1>"
            f"{self.banner()}{site}<ul>{''.join(rows)}</ul></main>{RELOAD_SCRIPT}</body></html>"
        )

    def banner(self) -> str:
        """What failed in the last build, for the top of every served page ("" if
        nothing did)."""
        problems = self.problems()
        if not problems:
            return ""
        items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
        return (
            f'<div role="alert" lang="en" style="{BANNER_STYLE}"><p><strong>'
            "publisher: the last build has errors</strong> (fix them and save; the page "
            f"reloads)</p><ul>{items}</ul></div>"
        )


BANNER_STYLE = (
    "font: 16px/1.4 sans-serif; background: #fff3f3; color: #5c0000; "
    "border: 3px solid #a30000; padding: 0.5em 1em; margin: 0 0 1em"
)
HOSTS = ("127.0.0.1", "localhost")


def local_host(header: str | None) -> bool:
    """Whether a ``Host`` header names this machine as the preview serves it."""
    if not header:
        return False
    host = header.strip().lower()
    if host.count(":") == 1:
        host, _colon, port = host.partition(":")
        if not port.isdigit():
            return False
    return host in HOSTS


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, preview: Preview, *args: Any, **kwargs: Any) -> None:
        self.preview = preview
        super().__init__(*args, directory=str(preview.options.out_dir), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        if self._allowed():
            super().do_HEAD()

    def _allowed(self) -> bool:
        if local_host(self.headers.get("Host")):
            return True
        self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "only http://127.0.0.1 or localhost")
        return False

    def do_GET(self) -> None:
        if not self._allowed():
            return
        path = self.path.split("?", 1)[0]
        if path == "/__events":
            self._events()
        elif path.startswith(COACH_PREFIX):
            self.preview.coach.respond(self, path, self.preview.stopping)
        elif path == "/" or (path == "/index.html" and self.preview.site is None):
            self._send(self.preview.index().encode("utf-8"), "text/html; charset=utf-8")
        elif path.endswith(".html"):
            target = Path(self.translate_path(path))
            if not target.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            page = target.read_text(encoding="utf-8", errors="replace")
            banner = self.preview.banner()
            if "</body>" in page:
                page = page.replace("</body>", RELOAD_SCRIPT + "</body>", 1)
                if banner:
                    start = page.find(">", page.find("<body")) + 1
                    page = page[:start] + banner + page[start:]
            else:  # an embed fragment: shown in a bare page
                page = (
                    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>'
                    f"{html.escape(target.name)}</title></head><body>{banner}<main>{page}</main>"
                    f"{RELOAD_SCRIPT}</body></html>"
                )
            self._send(page.encode("utf-8"), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        preview = self.preview
        seen = preview.version
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while not preview.stopping.is_set():
                with preview.changed:
                    preview.changed.wait(timeout=15)
                    current = preview.version
                if current != seen:
                    seen = current
                    self.wfile.write(f"data: {current}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
