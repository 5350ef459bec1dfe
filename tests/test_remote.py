"""Remote images: refused unless --allow-remote; then only http(s), with a timeout and
the size limit. The server is a local one on 127.0.0.1, started by the test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from publisher.cli import app
from tests.helpers import ROOT

runner = CliRunner()
PNG = (ROOT / "tests" / "fixtures" / "bad" / "foto.png").read_bytes()


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    files = tmp_path / "www"
    files.mkdir()
    (files / "foto.png").write_bytes(PNG)
    (files / "groot.png").write_bytes(PNG + b"\x00" * (10 * 1024 * 1024))
    (files / "tekst.png").write_bytes(b"geen plaatje")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(files)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def article(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "op-afstand.md"
    path.write_text(
        f"---\ntitle: T\nlang: nl\ndate: 2024-01-01\n---\n\n![Een dambord]({url})\n",
        encoding="utf-8",
    )
    return path


def build(tmp_path: Path, url: str, *options: str) -> Result:
    """Build an article whose one image is at ``url`` into ``tmp_path/out``."""
    return runner.invoke(
        app, ["build", str(article(tmp_path, url)), "-o", str(tmp_path / "out"), *options]
    )


def test_remote_image_is_not_fetched_by_default_and_its_alt_text_is_shown(
    tmp_path: Path, server: str
) -> None:
    result = build(tmp_path, f"{server}/foto.png")
    assert result.exit_code == 0, result.stderr
    assert "is not included (build with --allow-remote to fetch it)" in result.stderr
    page = (tmp_path / "out" / "op-afstand" / "op-afstand.html").read_text(encoding="utf-8")
    assert "Een dambord" in page and server not in page
    assert not (tmp_path / "out" / "op-afstand" / "assets" / "images").exists()
    strict = build(tmp_path, f"{server}/foto.png", "--strict")
    assert strict.exit_code == 1 and "is not included" in strict.stderr


def test_allowed_remote_image_is_fetched_and_published(tmp_path: Path, server: str) -> None:
    result = build(tmp_path, f"{server}/foto.png", "--allow-remote")
    assert result.exit_code == 0, result.stderr
    images = list((tmp_path / "out" / "op-afstand" / "assets" / "images" / "remote").glob("*.png"))
    assert len(images) == 1 and images[0].read_bytes() == PNG
    page = (tmp_path / "out" / "op-afstand" / "op-afstand.html").read_text(encoding="utf-8")
    assert f'src="assets/images/remote/{images[0].name}"' in page
    assert (tmp_path / "out" / "op-afstand" / "op-afstand.pdf").is_file()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("groot.png", "is larger than 10 MB"),
        ("tekst.png", "is not a PNG, JPEG, GIF, WebP or SVG file"),
        ("bestaat-niet.png", "could not be fetched: "),
    ],
)
def test_allowed_remote_image_still_has_limits(
    tmp_path: Path, server: str, name: str, message: str
) -> None:
    result = build(tmp_path, f"{server}/{name}", "--allow-remote")
    assert result.exit_code == 1
    assert message in result.stderr


def test_a_server_that_does_not_answer_times_out(tmp_path: Path) -> None:
    import socket

    from publisher.reading.images import ImageProblem, fetch_remote

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    try:
        with pytest.raises(ImageProblem, match=r"could not be fetched: .*timed out"):
            fetch_remote(f"http://127.0.0.1:{port}/foto.png", tmp_path, timeout=0.5)
    finally:
        silent.close()
