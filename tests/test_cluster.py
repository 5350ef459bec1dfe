"""`publisher build --cluster`: articles rendered by Dask workers in separate
processes that share no disk with the client, the same bytes as a local build, and
a worker killed in the middle of the build costs nothing but time."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import signal
from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from publisher.build import cluster as cluster_module
from publisher.build.batch import build_all
from publisher.build.options import ArticleResult, BuildOptions
from publisher.cli import app
from tests.helpers import EXAMPLE, ROOT

FORMATS = ("html", "embed", "pdf", "epub")
SHORT = """---
title: Bericht {number} uit de wijk
lang: nl
date: 2024-03-{day:02d}
summary: Een kort bericht over het wijkteam.
glossary:
  wijkteam: Hulp in de buurt.
---

Het [wijkteam]{{.term}} is er voor iedereen in de buurt. Bericht {number}.

::: plain
Het wijkteam helpt je. Dit is bericht {number}.
:::

## Meer weten

Kijk op de [website van de gemeente](https://www.arnhem.nl/).
"""


def project(root: Path, count: int) -> list[Path]:
    """The example article, ``count`` short ones, and a theme of the project's own
    (the workers get it from the client, not from a shared disk)."""
    shutil.copytree(EXAMPLE.parent, root / "source" / EXAMPLE.parent.name)
    colophon = root / "themes" / "eigen" / "templates" / "partials" / "colophon.html"
    colophon.parent.mkdir(parents=True)
    (root / "themes" / "eigen" / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    colophon.write_text("<p>Colofon van het eigen thema</p>\n", encoding="utf-8")
    for number in range(count):
        (root / "source" / f"bericht-{number}.md").write_text(
            SHORT.format(number=number, day=number + 1), encoding="utf-8"
        )
    bundle = root / "source" / EXAMPLE.parent.name / "index.md"
    return [*sorted((root / "source").glob("*.md")), bundle]


def local_cluster(tmp_path: Path, workers: int) -> LocalCluster:
    """A scheduler and ``workers`` worker processes (each under a nanny that restarts
    it), one article at a time each, on this machine."""
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
        local_directory=str(tmp_path / "dask"),
    )


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def test_cluster_build_is_the_local_build_even_when_a_worker_is_killed(tmp_path: Path) -> None:
    articles = project(tmp_path, 7)
    local = BuildOptions(
        out_dir=tmp_path / "local", formats=FORMATS, project_dir=tmp_path, theme="eigen"
    )
    assert not any(r.errors for r in build_all(articles, local, jobs=1))
    remote = dataclasses.replace(local, out_dir=tmp_path / "cluster")
    with local_cluster(tmp_path, 2) as cluster, Client(cluster, set_as_default=False) as client:
        killed: list[tuple[str, int]] = []
        after_kill: list[ArticleResult] = []

        def progress(result: ArticleResult) -> None:
            if killed:
                after_kill.append(result)
                return
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:  # kill a worker that is rendering an article right now
                pids = client.run(os.getpid, workers=[busy[0]])
                pid = pids[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append((busy[0], pid))

        results = build_all(articles, remote, cluster=cluster.scheduler_address, progress=progress)
    assert killed, "no worker was busy to be killed"
    assert after_kill, "the kill did not land in the middle of the build"
    assert [r.source for r in results] == articles
    assert not [p for r in results for p in r.errors]
    built = files(tmp_path / "cluster")
    assert built == files(tmp_path / "local")
    assert b"Colofon van het eigen thema" in built["bericht-0/bericht-0.html"]
    assert len(files(tmp_path / "cluster")) > 8 * len(articles)


def test_cluster_errors_name_the_article_and_line_and_a_missing_scheduler_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "source" / "kapot.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("---\ntitle: Kapot\nlang: nl\ndate: 2024-13-01\n---\nTekst.\n", encoding="utf-8")
    options = BuildOptions(out_dir=tmp_path / "out", formats=("html",), project_dir=tmp_path)
    with local_cluster(tmp_path, 1) as cluster:
        [result] = build_all([bad], options, cluster=cluster.scheduler_address)
    assert [str(p) for p in result.errors] == [
        f"{bad}:4: '2024-13-01' is not a real date or time (month must be in 1..12); "
        "write it as YYYY-MM-DD"
    ]
    assert not (tmp_path / "out" / "kapot").exists()
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", "1s")
    monkeypatch.chdir(ROOT)
    args = ["build", "-q", "-o", str(tmp_path / "x"), "--cluster", "tcp://127.0.0.1:9"]
    cli = CliRunner().invoke(app, [*args, str(EXAMPLE)])
    assert cli.exit_code == 1
    assert cli.stderr.startswith("error: cannot reach the Dask scheduler tcp://127.0.0.1:9")
    assert "Traceback" not in cli.output
