"""The command line. The only place that turns PublisherError into messages and exit
codes: 0 ok, 1 content errors, 2 usage errors."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from publisher import __version__
from publisher.catalog import FORMATS, PAPERS, VARIANTS, formats_for
from publisher.errors import PublisherError

if TYPE_CHECKING:
    from publisher.build.options import BuildOptions
    from publisher.config import Config

app = typer.Typer(
    help="Turn one Markdown article into an accessible web page, embed fragment, "
    "PDF handout and EPUB, each also in plain language.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEBUG = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"publisher {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    global DEBUG
    DEBUG = debug
    if debug:  # worker processes inherit it (publisher.failures)
        import os

        from publisher.failures import DEBUG_VARIABLE

        os.environ[DEBUG_VARIABLE] = "1"


def _split(values: list[str], allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    chosen: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part not in allowed:
                raise typer.BadParameter(
                    f"'{part}' is not one of {', '.join(allowed)}", param_hint=option
                )
            if part not in chosen:
                chosen.append(part)
    return tuple(chosen)


@app.command()
def build(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or bundles (default: every article in source/)."),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help=f"{', '.join(FORMATS)} (repeat or comma-separate; default all but audio).",
        ),
    ] = None,
    variants: Annotated[
        list[str] | None,
        typer.Option("--variant", help=f"{', '.join(VARIANTS)} (default all)."),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder.")] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="Theme name.")] = None,
    paper: Annotated[
        str | None, typer.Option("--paper", help=f"Paper of the handout: {', '.join(PAPERS)}.")
    ] = None,
    embed_level: Annotated[
        int | None,
        typer.Option("--embed-level", min=1, max=5, help="Heading level of the embed's title."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=0, help="Processes; 0 = one per core.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild even what has not changed.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings are errors.")] = False,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote", help="Fetch http(s) images (10 s in all each, 10 MB limit)."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="A line for every article.")
    ] = False,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Dask scheduler address (tcp://host:8786): render the articles there "
            "(needs publisher[cluster]).",
        ),
    ] = None,
) -> None:
    """Build every output of the given articles into <out>/<slug>/; without paths also
    the collections (<out>/collections/<slug>/) and the site pages (index.html,
    feed.xml, sitemap.xml, index.json)."""
    from publisher.build.project import build_project
    from publisher.config import site_options
    from publisher.report import BuildReporter

    project, config = _project_config()
    if paper and paper.upper() not in PAPERS:
        raise typer.BadParameter(
            f"'{paper}' is not one of {', '.join(PAPERS)}", param_hint="--paper"
        )
    options = config.build_options(
        project,
        out=out,
        formats=_split(formats, tuple(FORMATS), "--format") if formats else None,
        variants=_split(variants, tuple(VARIANTS), "--variant") if variants else None,
        theme=theme,
        paper=paper,
        embed_level=embed_level,
        strict=strict,
        allow_remote=allow_remote,
    )
    options = _skip_unavailable(options)
    _check_places(
        [*(paths or [project / config["source"]]), project / config["collections"]],
        options.out_dir,
    )
    articles, collections, whole = _build_targets(paths, project, config)
    out_dir = options.out_dir
    outputs_each = sum(
        len(formats_for(VARIANTS[v], options.formats, options.variants_named))
        for v in options.variants
    )
    if not outputs_each:
        made = "; ".join(
            f"{v} as {', '.join(VARIANTS[v].formats or FORMATS)}" for v in options.variants
        )
        raise typer.BadParameter(
            f"no output: {', '.join(options.formats)} is not made in {', '.join(options.variants)}"
            f" (made: {made})",
            param_hint="--format",
        )
    units = len(articles) + len(collections)
    reporter = BuildReporter(units, outputs_each, out_dir, quiet=quiet, verbose=verbose)
    with reporter, _failing_with(1):
        result = build_project(
            articles,
            options,
            collections=collections,
            site=site_options(config) if whole else None,
            jobs=config["jobs"] if jobs is None else jobs,
            force=force,
            progress=reporter.done,
            cluster=cluster,
        )
    reporter.summary(result.articles, result.collections, result.site)
    if result.failed:
        raise typer.Exit(1)


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or bundles (default: every article in source/)."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when a plain variant misses its targets.")
    ] = False,
    output: Annotated[
        str, typer.Option("--format", help="text, json (for CI) or html (a standalone page).")
    ] = "text",
    outputs: Annotated[
        bool, typer.Option("--outputs", help="Also run the validators on the built files.")
    ] = False,
) -> None:
    """Readability per variant and source lint; --outputs also validates build/."""
    import json

    from publisher.readability.check import as_json, as_text, check_article

    if output not in ("text", "json", "html"):
        raise typer.BadParameter(f"'{output}' is not text, json or html", param_hint="--format")
    project, config = _project_config()
    articles = _articles(paths, project, config)
    reports = [check_article(article, config["targets"]) for article in articles]
    if output == "json":
        typer.echo(json.dumps([as_json(r) for r in reports], ensure_ascii=False, indent=1))
    elif output == "html":
        from publisher.readability.report_html import as_html

        typer.echo(as_html(reports), nl=False)
    else:
        for report in reports:
            typer.echo("\n".join(as_text(report)))
    failed = False
    if outputs:
        from publisher.validators import validate_outputs

        out = project / config["out"]
        folders = [out / r.slug for r in reports if r.slug]
        if not paths:  # the whole project: its collections and the site's index page too
            collections = out / "collections"
            folders += (
                sorted(p for p in collections.iterdir() if p.is_dir())
                if collections.is_dir()
                else []
            )
            folders += [out] if (out / "index.html").is_file() else []
        for line, is_finding in validate_outputs(folders):
            typer.echo(line, err=is_finding)
            failed |= is_finding
    if (
        failed
        or any(r.errors for r in reports)
        or (strict and any(r.misses_targets for r in reports))
    ):
        raise typer.Exit(1)


@app.command()
def serve(
    path: Annotated[
        Path | None, typer.Argument(help="Article or folder (default: source/).")
    ] = None,
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder.")] = None,
) -> None:
    """Preview on http://127.0.0.1:PORT/, rebuilding and reloading on every change."""
    import time

    from publisher.config import site_options
    from publisher.errors import visible
    from publisher.preview import Preview

    project, config = _project_config()
    options = _skip_unavailable(config.build_options(project, out=out))
    _check_places([path or project / config["source"]], options.out_dir)

    def report(result: object) -> None:
        from publisher.build.options import ArticleResult

        assert isinstance(result, ArticleResult)
        for problem in result.errors:
            typer.echo(f"error: {problem}", err=True)
        if not result.errors and not result.skipped:
            typer.echo(f"rebuilt {visible(str(result.source))} ({result.seconds:.1f} s)", err=True)

    whole = path is None  # the project: its collections and site pages too
    collections = project / config["collections"] if whole else None
    site = site_options(config) if whole else None
    try:
        preview = Preview(
            [path or project / config["source"]], options, port, report, collections, site
        )
    except OSError as error:
        _fail(PublisherError.at(None, f"cannot listen on 127.0.0.1:{port}: {error.strerror}"), 2)
    preview.start()
    typer.echo(f"serving {preview.url} (Ctrl-C to stop)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        preview.stop()


@app.command()
def themes() -> None:
    """List the available themes and where each comes from."""
    from publisher.theme import available_themes, builtin_themes, load_theme, search_path

    project = Path.cwd()
    builtin = builtin_themes()
    for name, path in available_themes(search_path(project)).items():
        origin = "built-in" if builtin.get(name) == path else "project"
        try:
            chain = " -> ".join(t.name for t in load_theme(name, project).chain)
        except PublisherError as error:
            chain = f"broken: {error.problems[0].message}"
        typer.echo(f"{name:<16} {origin:<9} {chain:<28} {path}")
    for name in builtin:
        hidden = project / "themes" / name
        if (hidden / "theme.toml").is_file():
            typer.echo(
                f"{name:<16} {'ignored':<9} {'the name of a built-in theme; rename it':<28} "
                f"{hidden}"
            )


new_app = typer.Typer(help="Start a new theme, article or collection from a commented template.")
app.add_typer(new_app, name="new")


@new_app.command("theme")
def new_theme(
    name: Annotated[str, typer.Argument(help="Name of the new theme (a-z, 0-9, hyphens).")],
    extends: Annotated[str, typer.Option("--extends", help="The theme it builds on.")] = "default",
) -> None:
    """Create themes/NAME/ with comments that explain each file."""
    from publisher.errors import UsageError
    from publisher.scaffold import new_theme as scaffold

    try:
        folder = scaffold(name, extends, Path.cwd())
    except UsageError as error:
        _fail(error, 2)
    except PublisherError as error:
        _fail(error, 1)
    typer.echo(f"created {folder}/ (extends {extends}); see docs/themes.md")


@new_app.command("article")
def new_article(
    title: Annotated[str, typer.Argument(help="The article's title.")],
    lang: Annotated[str, typer.Option("--lang", help="Language (BCP 47).")] = "nl",
) -> None:
    """Create source/<slug>/index.md with an example of every construct."""
    from publisher.errors import UsageError
    from publisher.scaffold import new_article as scaffold

    project, config = _project_config()
    try:
        path = scaffold(title, lang, project, config["source"], config["publisher"] or None)
    except UsageError as error:
        _fail(error, 2)
    except PublisherError as error:
        _fail(error, 1)
    typer.echo(f"created {path}; build it with: publisher build {path.parent}")


@new_app.command("collection")
def new_collection(
    title: Annotated[str, typer.Argument(help="The collection's title.")],
    lang: Annotated[str, typer.Option("--lang", help="Language (BCP 47).")] = "nl",
) -> None:
    """Create collections/<slug>.md listing the newest articles, every field explained."""
    from publisher.errors import UsageError
    from publisher.scaffold import new_collection as scaffold

    project, config = _project_config()
    try:
        path = scaffold(
            title,
            lang,
            project,
            config["source"],
            config["collections"],
            config["publisher"] or None,
        )
    except UsageError as error:
        _fail(error, 2)
    except PublisherError as error:
        _fail(error, 1)
    typer.echo(f"created {path}; build it with: publisher build")


@new_app.command("strings")
def new_strings(
    lang: Annotated[str, typer.Argument(help="Language (BCP 47), e.g. so, ti, zh-Hant.")],
) -> None:
    """Create i18n/LANG.toml: every interface string in English, to translate."""
    from publisher.errors import UsageError
    from publisher.scaffold import new_strings as scaffold

    try:
        path = scaffold(lang, Path.cwd())
    except UsageError as error:
        _fail(error, 2)
    except PublisherError as error:
        _fail(error, 1)
    typer.echo(f"created {path}; translate it, then build again")


def _skip_unavailable(options: BuildOptions) -> BuildOptions:
    """Leave out the formats this machine cannot make (no speech synthesiser), each
    with one warning; an error when nothing is left."""
    import dataclasses

    kept = []
    for name in options.formats:
        why = FORMATS[name].missing()
        if why:
            typer.echo(f"warning: {name} is skipped: {why}", err=True)
        else:
            kept.append(name)
    if not kept:
        _fail(PublisherError.at(None, "nothing to build on this machine"), 1)
    return dataclasses.replace(options, formats=tuple(kept))


def _project_config() -> tuple[Path, Config]:
    """The current folder as the project, and its publisher.toml (exit 2 if invalid)."""
    from publisher.config import load_config

    project = Path.cwd()
    try:
        return project, load_config(project)
    except PublisherError as error:
        _fail(error, 2)
        raise  # unreachable: _fail exits


def _check_places(targets: list[Path], out: Path) -> None:
    """Exit 2 when the output folder and the sources overlap (publisher.build.places)."""
    from publisher.build.places import check_places

    try:
        check_places(targets, out)
    except PublisherError as error:
        _fail(error, 2)


def _articles(paths: list[Path] | None, project: Path, config: Config) -> list[Path]:
    """The articles the command line names (default: the source folder); exit 2 for a
    path that does not exist, 1 when there is no article at all."""
    from publisher.reading.find import find_articles

    targets = paths or [project / config["source"]]
    try:
        articles = find_articles(targets)
    except PublisherError as error:
        _fail(error, 2)
    if not articles:
        _fail(PublisherError.at(targets[0], "no articles (*.md or <slug>/index.md) found"), 1)
    return articles


def _build_targets(
    paths: list[Path] | None, project: Path, config: Config
) -> tuple[list[Path], list[Path], bool]:
    """(articles, collections, whether it is the whole project). Without paths: every
    article, every collection file and the site. A collection file among the paths
    is built with every article (it chooses from them), without the site."""
    from publisher.reading.find import find_articles

    folder = (project / config["collections"]).resolve()
    if not paths:
        collections = find_articles([folder]) if folder.is_dir() else []
        return _articles(None, project, config), collections, True
    chosen = [p for p in paths if p.resolve() == folder or p.resolve().is_relative_to(folder)]
    if not chosen:
        return _articles(paths, project, config), [], False
    try:
        collections = find_articles(chosen)
    except PublisherError as error:
        _fail(error, 2)
    others = [p for p in paths if p not in chosen]
    articles = _articles(None, project, config)
    articles += [
        a for a in (_articles(others, project, config) if others else []) if a not in articles
    ]
    return articles, collections, False


@contextmanager
def _failing_with(code: int) -> Iterator[None]:
    """A PublisherError that stops the whole command (not one article): its lines
    and ``code``."""
    try:
        yield
    except PublisherError as error:
        _fail(error, code)


def _fail(error: PublisherError, code: int) -> None:
    for problem in error.problems:
        typer.echo(f"error: {problem}", err=True)
    raise typer.Exit(code)


def main() -> None:
    try:
        _main()
    finally:
        # The interpreter's last garbage collection at exit walks every object that
        # WeasyPrint, fontTools and the templates left behind (about 0.1 s). Nothing
        # there needs finalising (WeasyPrint's temporary fonts are removed when each
        # handout is done), so the heap is frozen and that walk skipped.
        gc.freeze()


def _main() -> None:
    try:
        app()
    except PublisherError as error:
        if DEBUG:
            raise
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the file system, a library, or a bug: one line each
        if DEBUG:
            raise
        from publisher.failures import problem_for

        for problem in problem_for(exc, None):
            print(f"error: {problem}", file=sys.stderr)
        sys.exit(1)
