"""The coach's part of the preview server: its own watcher (a short debounce, and no
build to wait for: the coach renders what it shows in memory), its pages under
``/__coach/`` and an event stream that tells open coach pages to reload."""

from __future__ import annotations

import mimetypes
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from publisher.build.options import BuildOptions
from publisher.coach.analysis import ArticleCoach, analyse
from publisher.coach.pages import coach_page, compare_page
from publisher.errors import PublisherError
from publisher.reading.find import find_articles

PREFIX = "/__coach/"


class Coach:
    def __init__(self, targets: list[Path], options: BuildOptions) -> None:
        self.targets = targets
        self.options = options
        self.articles: dict[str, ArticleCoach] = {}
        self.failed: list[ArticleCoach] = []
        self.version = 0
        self.changed = threading.Condition()
        self.goals = _config_targets(options.project_dir)

    def refresh(self) -> None:
        """Read, render and measure every article again (in memory)."""
        articles: dict[str, ArticleCoach] = {}
        failed: list[ArticleCoach] = []
        try:
            paths = find_articles(self.targets)
        except PublisherError:
            paths = []
        for path in paths:
            coach = analyse(path, self.options, self.goals)
            if coach.slug and not coach.errors:
                articles[coach.slug] = coach
            else:
                failed.append(coach)
        with self.changed:
            self.articles, self.failed = articles, failed
            self.version += 1
            self.changed.notify_all()

    def watch(self, stopping: threading.Event) -> None:
        from watchfiles import watch

        out = self.options.out_dir.resolve()
        folders = {(t if t.is_dir() else t.parent).resolve() for t in self.targets}
        for changes in watch(
            *sorted(folders),
            stop_event=stopping,
            debounce=50,
            step=20,
            rust_timeout=500,
            yield_on_timeout=False,
        ):
            if any(not Path(path).resolve().is_relative_to(out) for _, path in changes):
                self.refresh()

    def start(self, stopping: threading.Event) -> None:
        self.refresh()
        threading.Thread(target=self.watch, args=(stopping,), daemon=True).start()

    def wake(self) -> None:
        with self.changed:
            self.changed.notify_all()

    def links(self, slug: str) -> str:
        """Links to the coach's views of one article, for the preview's index."""
        return (
            f' · <a href="{PREFIX}{slug}/">writing coach</a>'
            f' · <a href="{PREFIX}{slug}/compare">side by side</a>'
        )

    def respond(
        self, handler: BaseHTTPRequestHandler, path: str, stopping: threading.Event
    ) -> None:
        """Answer a request under ``/__coach/``."""
        rest = path.removeprefix(PREFIX)
        if rest == "events":
            self._events(handler, stopping)
            return
        slug, _, name = rest.partition("/")
        coach = self.articles.get(slug)
        if coach is None:
            problems = "".join(f"<li>{_escape(str(p))}</li>" for c in self.failed for p in c.errors)
            _send(
                handler,
                f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Coach'
                f"</title></head><body><main><h1>No article '{_escape(slug)}'</h1>"
                f"<ul>{problems}</ul></main></body></html>".encode(),
                "text/html; charset=utf-8",
                HTTPStatus.NOT_FOUND,
            )
            return
        pages = {v.page_name: v for v in coach.variants.values()}
        if name == "":
            standard = next(iter(coach.variants.values()))
            handler.send_response(HTTPStatus.FOUND)
            handler.send_header("Location", f"{PREFIX}{slug}/{standard.page_name}")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        elif name in pages:
            body = coach_page(coach, pages[name]).encode("utf-8")
            _send(handler, body, "text/html; charset=utf-8")
        elif name == "compare":
            _send(handler, compare_page(coach).encode("utf-8"), "text/html; charset=utf-8")
        elif name in coach.files:
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            _send(handler, coach.files[name], kind)
        else:
            handler.send_error(HTTPStatus.NOT_FOUND)

    def _events(self, handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(HTTPStatus.OK)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Cache-Control", "no-store")
        handler.end_headers()
        seen = self.version
        try:
            handler.wfile.write(b": connected\n\n")
            handler.wfile.flush()
            while not stopping.is_set():
                with self.changed:
                    self.changed.wait(timeout=15)
                    current = self.version
                if current != seen:
                    seen = current
                    handler.wfile.write(f"data: {current}\n\n".encode())
                else:
                    handler.wfile.write(b": keep-alive\n\n")
                handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def _send(
    handler: BaseHTTPRequestHandler, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Cache-Control", "no-store")
    handler.end_headers()
    handler.wfile.write(body)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _config_targets(project: Path) -> dict[str, dict[str, float]] | None:
    from publisher.config import load_config

    try:
        targets: Any = load_config(project)["targets"]
    except PublisherError:
        return None
    return dict(targets) if targets else None
