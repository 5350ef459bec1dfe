"""``publisher build --cluster ADDRESS``: the articles are rendered on a Dask
distributed cluster (the optional extra ``publisher[cluster]``).

What travels, so that the workers need no shared disk:

- to every worker once (``Client.scatter(..., broadcast=True)``): the project's own
  ``themes/`` and ``i18n/`` folders as bytes; the built-in theme is in the worker's
  installed publisher, whose version must be the client's;
- with each task: the article's source and its local images as bytes (paths
  relative to the article's folder), and the build options.

A worker writes them into a private temporary folder, renders every output in
memory, returns the bytes and deletes the folder. The client writes every output
atomically and keeps the manifest, as in a local build. A worker that dies takes
nothing with it: the scheduler gives its articles to another worker, and a task
that fails with an exception is tried again (``RETRIES``).
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publisher import __version__
from publisher.build.article import render_outputs, write_outputs
from publisher.build.options import ArticleResult, BuildOptions
from publisher.build.outputs import Output
from publisher.errors import Problem, PublisherError
from publisher.reading.reader import read_article

RETRIES = 2
"""How often a task that raised is tried again (a dead worker's task is always
given to another worker by the scheduler)."""
RESUBMITS = 3
"""How often the client sends an article again whose task was lost altogether."""
CONNECT_TIMEOUT = "20s"


@dataclass(frozen=True)
class Files:
    """Files as bytes, by their path relative to a folder."""

    files: tuple[tuple[str, bytes], ...]

    @property
    def digest(self) -> str:
        digest = hashlib.sha256()
        for name, data in self.files:
            digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        return digest.hexdigest()

    def write(self, folder: Path) -> None:
        for name, data in self.files:
            target = folder / name
            if not target.resolve().is_relative_to(folder.resolve()):
                raise ValueError(f"{name} is outside the folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


PROJECT_FOLDERS = ("themes", "i18n")
"""What a worker needs of the project besides the article: its own themes and its own
interface strings."""


def pack_project(project: Path) -> Files:
    """Every file in the project's ``themes/`` and ``i18n/`` folders."""
    return Files(
        tuple(
            (path.relative_to(project).as_posix(), path.read_bytes())
            for name in PROJECT_FOLDERS
            for path in sorted((project / name).rglob("*"))
            if path.is_file()
        )
    )


def pack_article(path: Path, options: BuildOptions) -> Files:
    """The article's source and the local images it uses, by their path relative
    to its folder (read here once; the worker checks everything again)."""
    folder = path.parent
    files = [(path.name, path.read_bytes())]
    try:
        article, _report = read_article(path)
    except PublisherError:
        return Files(tuple(files))  # the worker reports the errors, with lines
    for image in article.images.values():
        source = image.source.resolve()
        if source.is_relative_to(folder.resolve()):
            files.append((source.relative_to(folder.resolve()).as_posix(), source.read_bytes()))
    return Files(tuple(dict(files).items()))


_PROJECTS: dict[str, Path] = {}
"""Per worker process: the project folders already written, by their digest."""


def render_remote(
    folder_name: str, name: str, article: Files, options: BuildOptions, project: Files, version: str
) -> tuple[ArticleResult, list[Output], str]:
    """On a worker: write the article (into a folder of its own name: a bundle's slug
    is its folder's name) and the project's themes and strings to a private folder,
    render every output in memory; (result, outputs, the article's folder there)."""
    if version != __version__:
        raise RuntimeError(f"the worker has publisher {__version__}, the client {version}")
    digest = project.digest
    if digest not in _PROJECTS or not _PROJECTS[digest].is_dir():
        made = Path(tempfile.mkdtemp(prefix="publisher-project-"))
        atexit.register(shutil.rmtree, made, True)
        project.write(made)
        _PROJECTS[digest] = made
    work = Path(tempfile.mkdtemp(prefix="publisher-article-"))
    folder = work / "source" / (folder_name or "article")
    try:
        article.write(folder)
        local = dataclasses.replace(options, out_dir=work / "out", project_dir=_PROJECTS[digest])
        result, outputs = render_outputs(folder / name, local)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result, outputs, str(folder)


def _map_back(result: ArticleResult, remote: str, path: Path) -> ArticleResult:
    """The worker's result with the client's paths."""
    folder = path.parent

    def local(value: Path | str | None) -> Path | None:
        if value is None:
            return None
        text = str(value)
        return folder / Path(text).relative_to(remote) if text.startswith(remote) else Path(text)

    result.source = path
    result.errors = [Problem(local(p.path), p.message, p.line) for p in result.errors]
    result.warnings = [Problem(local(p.path), p.message, p.line) for p in result.warnings]
    result.inputs = sorted(str(local(name)) for name in result.inputs)
    if result.record is not None:
        result.record = dataclasses.replace(result.record, source=str(path.resolve()))
    return result


def connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise PublisherError.at(
            None,
            "--cluster needs Dask distributed: pip install 'publisher[cluster]'",
        ) from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as error:
        raise PublisherError.at(
            None, f"cannot reach the Dask scheduler {address}: {error}"
        ) from None


def run_on_cluster(
    articles: list[Path], options: BuildOptions, address: str
) -> Iterator[ArticleResult]:
    """Render ``articles`` on the cluster; write each one's outputs here as it comes.
    An article whose task is lost (its workers died more often than the scheduler
    allows, ``KilledWorker``) is sent again, up to ``RESUBMITS`` times."""
    from distributed import as_completed

    client = connect(address)
    try:
        themes = client.scatter(pack_project(options.project_dir), broadcast=True)

        def submit(path: Path) -> Any:
            return client.submit(
                render_remote,
                path.parent.name,
                path.name,
                pack_article(path, options),
                options,
                themes,
                __version__,
                pure=False,
                retries=RETRIES,
            )

        futures = {submit(path): path for path in articles}
        tries = dict.fromkeys(articles, 0)
        pending = as_completed(list(futures))  # type: ignore[no-untyped-call]
        for future in pending:
            path = futures.pop(future)
            try:
                result, outputs, remote = future.result()
            except Exception as error:
                tries[path] += 1
                if tries[path] <= RESUBMITS:
                    again = submit(path)
                    futures[again] = path
                    pending.add(again)  # type: ignore[no-untyped-call]
                    continue
                failed = ArticleResult(path)
                failed.errors = [Problem(path, f"cluster: {type(error).__name__}: {error}")]
                yield failed
                continue
            result = _map_back(result, remote, path)
            write_outputs(result, outputs, options)
            yield result
    finally:
        client.close()
