"""The writing coach in headless Chromium: in `publisher serve`, a sentence of the
example edited to 30 words is marked as long (with its line), and putting the old
sentence back clears the mark. The time from the save to the mark is printed (a
measurement, not a limit: see docs/readability.md). Screenshots of the coach and the
side-by-side view go to tests/artefacts/screenshots/coach/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from publisher import validators
from publisher.build.options import BuildOptions
from publisher.preview import Preview
from tests.conformance.conftest import ARTEFACTS, ROOT, require

SLUG = "jongensprostitutie-in-beeld"
OLD = "Vervolgens gaf Tamara Visser uitleg over NextStep."
NEW = (
    "Vervolgens gaf Tamara Visser in de grote zaal van het wijkcentrum een heldere uitleg "
    "over NextStep, over de jongens die zij helpt en over alles wat zij daar samen meemaken."
)


def test_an_edited_long_sentence_is_marked_and_the_mark_goes_away(tmp_path: Path) -> None:
    require("axe")  # headless Chromium and playwright-core from tools/validators
    assert len(NEW.split()) == 30
    bundle = tmp_path / "source" / SLUG
    shutil.copytree(ROOT / "source" / SLUG, bundle)
    options = BuildOptions(out_dir=tmp_path / "build", formats=("html",), project_dir=tmp_path)
    server = Preview([tmp_path / "source"], options, port=0)
    server.start()
    shots = ARTEFACTS / "screenshots" / "coach"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            [
                "node",
                str(Path(__file__).parents[1] / "browser" / "coach.js"),
                f"{server.url}__coach/{SLUG}/{SLUG}.html",
                str(bundle / "index.md"),
                OLD,
                NEW,
                str(shots),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            env={
                **os.environ,
                "NODE_PATH": str(validators.NODE_MODULES),
                "CHROMIUM_BIN": validators.CHROMIUM,
            },
            check=False,
        )
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"coach: marked {found['markedAfterMs']} ms, cleared {found['clearedAfterMs']} ms")
    assert found["ready"] and found["marksBefore"] > 0
    assert found["marked"], found
    assert found["markTag"] == "L\u200998"  # the long-sentence tag with the source line
    assert found["cleared"], found
    assert (bundle / "index.md").read_text(encoding="utf-8").count(OLD) == 1
    for name in ("coach-standard.png", "coach-plain.png", "side-by-side.png"):
        assert (shots / name).stat().st_size > 10_000
