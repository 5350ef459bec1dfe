"""The live preview: an index, pages with the reload script (only when served), and
a reload event after a source change, watched through the event channel."""

from __future__ import annotations

import http.client
import shutil
import time
import urllib.request
from pathlib import Path

import pytest

from publisher.build.options import BuildOptions
from publisher.preview import RELOAD_SCRIPT, Preview
from publisher.site.model import SiteOptions
from tests.helpers import EXAMPLE


@pytest.fixture()
def preview(tmp_path: Path):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "source" / "artikel"
    bundle.mkdir(parents=True)
    shutil.copy(EXAMPLE, bundle / "index.md")
    shutil.copy(EXAMPLE.parent / "presentatie.svg", bundle)
    options = BuildOptions(
        out_dir=tmp_path / "build", formats=("html", "embed"), project_dir=tmp_path
    )
    server = Preview([tmp_path / "source"], options, port=0)
    server.start()
    yield server, bundle / "index.md", tmp_path / "build" / "artikel"
    server.stop()


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_index_lists_outputs_and_pages_get_the_reload_script(preview) -> None:  # type: ignore[no-untyped-def]
    server, _source, built = preview
    index = get(server.url)
    assert (
        'href="/artikel/artikel.html"' in index
        and 'href="/artikel/artikel.plain.embed.html"' in index
    )
    page = get(server.url + "artikel/artikel.html")
    assert RELOAD_SCRIPT in page and "Zorgcoördinatie" in page
    assert "EventSource" not in (built / "artikel.html").read_text(encoding="utf-8")
    fragment = get(server.url + "artikel/artikel.embed.html")
    assert '<main><article id="artikel-pub-embed" class="pub-embed' in fragment
    assert RELOAD_SCRIPT in fragment
    assert get(server.url + "artikel/assets/images/presentatie.svg").startswith("<svg")


def test_a_source_change_rebuilds_and_sends_a_reload_event(preview) -> None:  # type: ignore[no-untyped-def]
    server, source, built = preview
    host, port = server.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/__events")
    events = connection.getresponse()
    assert events.getheader("Content-Type") == "text/event-stream"
    assert events.readline() == b": connected\n"
    time.sleep(0.5)
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "In april 2018 verscheen", "Bijgewerkt: in april 2018 verscheen"
        ),
        encoding="utf-8",
    )
    deadline = time.monotonic() + 30
    line = b""
    while time.monotonic() < deadline and not line.startswith(b"data:"):
        line = events.readline()
    connection.close()
    assert line.startswith(b"data:")
    assert "Bijgewerkt: in april 2018" in (built / "artikel.html").read_text(encoding="utf-8")
    assert "Bijgewerkt" in get(server.url + "artikel/artikel.html")


def request(server: Preview, path: str, host: str | None) -> tuple[int, str]:
    address, port = server.server.server_address[:2]
    connection = http.client.HTTPConnection(str(address), int(port), timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:{port}", 200),
        ("localhost:{port}", 200),
        ("localhost", 200),
        ("evil.example", 421),
        ("evil.example:{port}", 421),
        ("127.0.0.1.evil.example:{port}", 421),
        ("localhost:{port}@evil.example", 421),
        (None, 421),
    ],
)
def test_only_requests_for_this_machine_are_answered(
    preview, host: str | None, status: int
) -> None:  # type: ignore[no-untyped-def]
    """DNS rebinding: a page elsewhere whose name now points here sends its own name."""
    server, _source, _built = preview
    port = server.server.server_address[1]
    code, body = request(server, "/artikel/artikel.html", host and host.format(port=port))
    assert code == status
    if status != 200:
        assert "Zorgcoördinatie" not in body


def wait_for_version(server: Preview, version: int) -> None:
    deadline = time.monotonic() + 60
    while server.version <= version and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.version > version, "no rebuild after the change"


def test_a_build_error_is_shown_and_the_next_save_builds_again(preview) -> None:  # type: ignore[no-untyped-def]
    server, source, _built = preview
    good = source.read_text(encoding="utf-8")
    time.sleep(0.5)  # the watcher is running
    version = server.version
    source.write_text(good.replace("date: 2018-10-04", "date: 2018-02-30"), encoding="utf-8")
    wait_for_version(server, version)
    page = get(server.url + "artikel/artikel.html")  # the previous output, with the error on top
    assert 'role="alert"' in page and "is not a real date" in page and "Zorgcoördinatie" in page
    assert "is not a real date" in get(server.url)
    version = server.version
    source.write_text(good.replace("In april 2018 verscheen", "Hersteld: in april 2018"), "utf-8")
    wait_for_version(server, version)
    page = get(server.url + "artikel/artikel.html")
    assert 'role="alert"' not in page and "Hersteld: in april 2018" in page


def test_the_preview_survives_an_exception_in_the_build(
    preview, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import publisher.preview

    server, _source, _built = preview

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug in the build")

    monkeypatch.setattr(publisher.preview, "build_project", broken)
    server.rebuild()
    assert "internal error (RuntimeError: a bug in the build)" in get(server.url)
    monkeypatch.undo()
    server.rebuild()
    assert 'role="alert"' not in get(server.url)


def test_the_project_preview_builds_its_collections_and_site(tmp_path: Path) -> None:
    bundle = tmp_path / "source" / "artikel"
    bundle.mkdir(parents=True)
    shutil.copy(EXAMPLE, bundle / "index.md")
    shutil.copy(EXAMPLE.parent / "presentatie.svg", bundle)
    (tmp_path / "collections").mkdir()
    (tmp_path / "collections" / "bundel.md").write_text(
        "---\ntitle: Bundel\nlang: nl\narticles: [artikel]\n---\n\nVoor het overleg.\n",
        encoding="utf-8",
    )
    options = BuildOptions(out_dir=tmp_path / "build", formats=("html",), project_dir=tmp_path)
    server = Preview(
        [tmp_path / "source"],
        options,
        port=0,
        collections=tmp_path / "collections",
        site=SiteOptions("Publicaties", "nl"),
    )
    server.start()
    try:
        index = get(server.url)
        assert 'href="/collections/bundel/bundel.html"' in index
        assert 'href="/index.html"' in index
        page = get(server.url + "collections/bundel/bundel.html")
        assert "Voor het overleg." in page and RELOAD_SCRIPT in page
        site = get(server.url + "index.html")
        assert "<h1" in site and "Publicaties" in site and RELOAD_SCRIPT in site
        assert tmp_path / "collections" in server.watched()
    finally:
        server.stop()
