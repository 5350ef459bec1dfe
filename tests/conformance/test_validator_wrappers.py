"""The validator wrappers themselves: a finding belongs to the file it was found in,
so one broken page in a batch of many never shows up as a finding of every page."""

from __future__ import annotations

import zipfile
from pathlib import Path

from publisher import validators
from tests.conformance.conftest import require

PAGE = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{}</body></html>'


def test_vnu_findings_go_to_their_own_file_in_a_batch(tmp_path: Path) -> None:
    require("vnu")
    broken = tmp_path / "with space.html"  # vnu names it file:/…/with%20space.html
    broken.write_text(PAGE.format("<p><div>x</div></p>"), encoding="utf-8")
    valid = tmp_path / "valid.html"
    valid.write_text(PAGE.format("<p>fine</p>"), encoding="utf-8")
    found = validators.vnu([valid, broken])
    assert found[valid] == []
    assert [f.tool for f in found[broken]] == ["vnu"]
    assert "“p” end tag" in found[broken][0].message


def test_epubcheck_checks_many_files_in_one_run_each_with_its_own_report(
    tmp_path: Path,
) -> None:
    require("epubcheck")
    from publisher.build.article import build_article
    from publisher.build.options import BuildOptions
    from tests.conformance.conftest import ROOT

    options = BuildOptions(
        out_dir=tmp_path / "out", formats=("epub",), variants=("standard",), project_dir=ROOT
    )
    built = build_article(ROOT / "source" / "jongensprostitutie-in-beeld" / "index.md", options)
    assert not built.errors
    good = tmp_path / "out" / str(built.slug) / f"{built.slug}.epub"
    broken = tmp_path / "broken.epub"
    zipfile.ZipFile(broken, "w").writestr("mimetype", "application/epub+zip")
    found = validators.epubcheck([broken, good])
    assert found[good] == []
    assert found[broken] and all(f.tool == "epubcheck" for f in found[broken])
    assert any("ERROR" in f.rule or "FATAL" in f.rule for f in found[broken])
