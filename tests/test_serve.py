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
