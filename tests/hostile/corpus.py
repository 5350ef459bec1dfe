"""The hostile-input corpus: small articles (and images, themes, output folders) that
try what an attacker, or an unlucky author, would. Every case is built by the real
command in a child process with bounded memory and time (tests/test_hostile.py) and
must end with exit 0 or 1, an ``error:`` line naming it when it fails, and nothing
active in anything written.

``expect`` is what a user must see: "ok" (built), "error" (refused with a line, and
``message`` in it), or "any" where either is right (for link rendering, which the
real-documents issue decides, only the safety of the outputs is asserted here).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

FRONT = "title: Titel\nlang: nl\ndate: 2024-01-01\n"
Expect = Literal["ok", "error", "any"]


@dataclass(frozen=True)
class Case:
    name: str
    """Its folder's name, which is also its slug."""
    kind: str
    """The class of hostile input (for the counts in the report)."""
    article: str | bytes
    files: dict[str, bytes | str | Callable[[], bytes]] = field(default_factory=dict)
    """Other files in the article's folder (images); a value starting with
    ``symlink:`` becomes a symbolic link to the rest; a function makes a large file
    only when the case is written."""
    expect: Expect = "any"
    message: str | None = None
    check: Callable[[Path], None] | None = None
    """More assertions on the article's output folder (when it was built)."""
    alone: bool = False
    """Built on its own (its own command line), with ``options``."""
    options: tuple[str, ...] = ()
    fsize: int | None = None
    """A file-size limit for the child process (a disk that fills up)."""
    where: str | None = None
    """Where its error is, when that is not the article (a theme's file)."""


def article(front: str = "", body: str = "Tekst.\n", base: str = FRONT) -> str:
    return f"---\n{base}{front}---\n\n{body}"


def svg(inner: str, attributes: str = 'viewBox="0 0 10 10"') -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f"{attributes}><title>Tekening</title>{inner}</svg>"
    )


def png(width: int = 4, height: int = 3) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 74, 130)).save(out, "PNG")
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def gif_frames(frames: int, size: int) -> bytes:
    from PIL import Image

    pictures = [Image.new("P", (size, size), i % 255) for i in range(frames)]
    out = io.BytesIO()
    pictures[0].save(out, "GIF", save_all=True, append_images=pictures[1:])
    return out.getvalue()


def figure(name: str) -> str:
    return f"![Een afbeelding]({name})\n"


def _contains(text: str, *files: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        for name in files:
            content = (folder / name).read_text(encoding="utf-8")
            assert text in content, f"{name} lacks {text!r}"

    return check


def _lacks(text: str, *files: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        for name in files:
            content = (folder / name).read_text(encoding="utf-8")
            assert text not in content, f"{name} has {text!r}"

    return check


def _images_are(*names: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        found = sorted(p.name for p in (folder / "assets" / "images").iterdir())
        assert found == sorted(names), found

    return check


def front_matter_cases() -> list[Case]:
    k = "front-matter"
    deep_list = "x: " + "[" * 2000 + "]" * 2000 + "\n"
    deep_map = (
        "x:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(200)) + "  " * 201 + "v\n"
    )
    just_deep = "x: " + "[" * 7 + "1" + "]" * 7 + "\n"
    bomb = (
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
            for i in range(8)
        )
        + "plain:\n  level: *i\n"
    )
    many_keys = "".join(f"k{i}: waarde\n" for i in range(10_000))
    return [
        Case("yaml-alias-bomb", k, article(bomb), expect="error", message="aliases"),
        Case(
            "yaml-alias", k, article("a: &x b\nsubtitle: *x\n"), expect="error", message="aliases"
        ),
        Case("yaml-merge-key", k, article("a: &x {b: 1}\nc:\n  <<: *x\n"), expect="error"),
        Case("yaml-deep-list", k, article(deep_list), expect="error", message="nests deeper"),
        Case("yaml-deep-map", k, article(deep_map), expect="error", message="nests deeper"),
        Case("yaml-nesting-7", k, article(just_deep), expect="error", message="nests deeper"),
        Case(
            "yaml-5000-digits",
            k,
            article("x: " + "9" * 5000 + "\n"),
            expect="error",
            message="5000 digits",
        ),
        Case(
            "yaml-5000-digit-date",
            k,
            article(base="title: T\nlang: nl\ndate: " + "2" * 5000 + "\n"),
            expect="error",
            message="digits",
        ),
        Case("yaml-40-digits", k, article("x: " + "1" * 40 + "\n"), expect="error"),
        Case("yaml-float-overflow", k, article(base="title: 1e999\nlang: nl\ndate: 2024-01-01\n")),
        Case("yaml-long-float", k, article("x: 0." + "1" * 3000 + "\n"), expect="error"),
        Case("yaml-sexagesimal", k, article("x: 1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16:17\n")),
        Case(
            "date-feb-30",
            k,
            article(base="title: T\nlang: nl\ndate: 2023-02-30\n"),
            expect="error",
            message="'2023-02-30' is not a real date",
        ),
        Case(
            "date-month-13",
            k,
            article(base="title: T\nlang: nl\ndate: 2023-13-01\n"),
            expect="error",
            message="not a real date",
        ),
        Case(
            "date-hour-25",
            k,
            article(base="title: T\nlang: nl\ndate: 2023-01-01 25:00:00\n"),
            expect="error",
            message="not a real date",
        ),
        Case(
            "date-year-0", k, article(base="title: T\nlang: nl\ndate: 0000-01-01\n"), expect="error"
        ),
        Case(
            "date-as-number",
            k,
            article(base="title: T\nlang: nl\ndate: 20240101\n"),
            expect="error",
            message="is not a date",
        ),
        Case("date-in-other-field", k, article("subtitle: 2023-02-31\n"), expect="error"),
        Case(
            "duplicate-title",
            k,
            article("title: Nog een\n"),
            expect="error",
            message="'title' is given twice (first on line 2)",
        ),
        Case(
            "duplicate-glossary-term",
            k,
            article("glossary:\n  woord: Een.\n  woord: Twee.\n"),
            expect="error",
            message="given twice",
        ),
        Case(
            "front-matter-list",
            k,
            "---\n- a\n- b\n---\n\nTekst.\n",
            expect="error",
            message="front matter must be",
        ),
        Case("front-matter-scalar", k, "---\njust text\n---\n\nTekst.\n", expect="error"),
        Case("front-matter-empty", k, "---\n---\n\nTekst.\n", expect="error"),
        Case(
            "front-matter-unclosed",
            k,
            "---\ntitle: T\nlang: nl\n\nTekst.\n",
            expect="error",
            message="not closed",
        ),
        Case(
            "yaml-tab-indent",
            k,
            article("plain:\n\ttitle: x\n"),
            expect="error",
            message="not valid YAML",
        ),
        Case(
            "yaml-python-tag",
            k,
            article("x: !!python/object/apply:os.system [echo hi]\n"),
            expect="error",
            message="not valid YAML",
        ),
        Case("yaml-custom-tag", k, article("x: !geheim waarde\n"), expect="error"),
        Case(
            "yaml-binary",
            k,
            article("subtitle: !!binary aGFsbG8=\n"),
            expect="error",
            message="'subtitle' must be text",
        ),
        Case("yaml-unhashable-key", k, article("? [a, b]\n: c\n"), expect="error"),
        Case("yaml-set", k, article("keywords: !!set {a, b}\n"), expect="error"),
        Case(
            "unknown-keys-10000", k, article(many_keys), expect="error", message="front matter has"
        ),
        Case("unknown-keys-2000", k, article("".join(f"k{i}: x\n" for i in range(2000)))),
        Case("long-key", k, article("k" * 50_000 + ": x\n")),
        Case(
            "title-100kb",
            k,
            article(base=f"title: {'a' * 100_001}\nlang: nl\ndate: 2024-01-01\n"),
            expect="error",
            message="front matter has",
        ),
        Case(
            "title-600",
            k,
            article(base=f"title: {'a ' * 300}\nlang: nl\ndate: 2024-01-01\n"),
            expect="error",
            message="the limit is 500",
        ),
        Case(
            "summary-6000",
            k,
            article(f"summary: {'woord ' * 1200}\n"),
            expect="error",
            message="the limit is 5,000",
        ),
        Case(
            "glossary-1001",
            k,
            article("glossary:\n" + "".join(f"  w{i}: Uitleg.\n" for i in range(1001))),
            expect="error",
            message="1001 terms",
        ),
        Case(
            "abbr-1001",
            k,
            article("abbr:\n" + "".join(f"  A{i}: Uitleg\n" for i in range(1001))),
            expect="error",
            message="1001 abbreviations",
        ),
        Case(
            "keywords-101",
            k,
            article("keywords: [" + ", ".join(["w"] * 101) + "]\n"),
            expect="error",
            message="101 items",
        ),
        Case(
            "forms-101",
            k,
            article("glossary:\n  w: {definition: D., forms: [" + ", ".join("f" * 101) + "]}\n"),
            expect="error",
        ),
        Case(
            "lang-40",
            k,
            article(
                base="title: T\nlang: "
                + "en-"
                + "-".join(["abcdefgh"] * 5)
                + "\ndate: 2024-01-01\n"
            ),
            expect="error",
        ),
        Case(
            "lang-private-long",
            k,
            article(
                base="title: T\nlang: x-" + "-".join(["abcdefgh"] * 30) + "\ndate: 2024-01-01\n"
            ),
            expect="error",
        ),
        Case(
            "lang-invalid",
            k,
            article(base="title: T\nlang: '<script>'\ndate: 2024-01-01\n"),
            expect="error",
            message="not a valid BCP 47",
        ),
        Case(
            "slug-300", k, article(f"slug: {'a' * 300}\n"), expect="error", message="limit is 100"
        ),
        Case("slug-upper", k, article("slug: Hallo\n"), expect="error"),
        Case("slug-traversal", k, article("slug: ../../etc\n"), expect="error"),
        Case("slug-empty", k, article("slug: ''\n"), expect="ok"),
        Case(
            "wrong-types",
            k,
            article("authors: 5\nplain: tekst\nglossary: [a]\nabbr: [b]\nkeywords: {a: b}\n"),
            expect="error",
            message="'authors' must be",
        ),
        Case(
            "wrong-type-title",
            k,
            article(base="title: [a, b]\nlang: nl\ndate: 2024-01-01\n"),
            expect="error",
            message="'title' must be text, not a list",
        ),
        Case(
            "null-title",
            k,
            article(base="title: ~\nlang: nl\ndate: 2024-01-01\n"),
            expect="error",
            message="front matter needs 'title'",
        ),
        Case(
            "bool-title",
            k,
            article(base="title: yes\nlang: nl\ndate: 2024-01-01\n"),
            expect="error",
            message="'title' must be text, not true/false",
        ),
        Case("abbr-value-number", k, article("abbr:\n  WMO: 5\n"), expect="error"),
        Case("plain-level-list", k, article("plain:\n  level: [a]\n"), expect="error"),
        Case(
            "yaml-escapes",
            k,
            article('subtitle: "rood \\e[31m \\a \\0 \\ud800 \\uFFFE"\n"\\e]0;titel\\a": 1\n'),
            expect="ok",
            check=_lacks("\x1b", "yaml-escapes.html"),
        ),
        Case(
            "url-javascript",
            k,
            article("url: 'javascript:alert(1)'\n"),
            expect="error",
            message="'url' must be an absolute https:// address",
        ),
        Case(
            "url-quote",
            k,
            article("url: 'https://e.example/\"><script>alert(1)</script>'\n"),
            expect="error",
            message="'url' must be",
        ),
        Case("url-newline", k, article('url: "https://e.example/\\nx"\n'), expect="error"),
    ]


def front_matter_injection_cases() -> list[Case]:
    k = "front-matter-injection"
    payloads = {
        "style-close": "</style><a href='javascript:alert(1)'>x</a>",
        "comment-script": "<!--<script>",
        "script-close": "</script><script>alert(1)</script>",
        "attribute": '"><img src=x onerror=alert(1)>',
        "css-string": '"; } body { display: none } x { content: "',
        "cdata": "]]><script>alert(1)</script>",
        "bidi": "abc\u202edcba",
        "newline": "regel\\nregel",
    }
    cases = []
    for name, payload in payloads.items():
        quoted = '"' + payload.replace("\\n", "\\n").replace('"', '\\"') + '"'
        front = (
            f"subtitle: {quoted}\npublisher: {quoted}\nsummary: {quoted}\nlicense: {quoted}\n"
            f"keywords: [{quoted}]\nauthors: [{{name: {quoted}, role: {quoted}}}]\n"
            f"plain:\n  title: {quoted}\n  summary: [{quoted}]\n"
        )
        cases.append(
            Case(
                f"inject-{name}",
                k,
                article(front, base=f"title: {quoted}\nlang: nl\ndate: 2024-01-01\n"),
                expect="ok",
            )
        )
    cases.append(
        Case(
            "inject-glossary",
            k,
            article(
                'glossary:\n  "<b>woord</b>": "<script>alert(1)</script> \\" onmouseover=x"\n',
                body='Het [<b>woord</b>]{term="<b>woord</b>"} hier.\n',
            ),
        )
    )
    return cases


def abbreviation_cases() -> list[Case]:
    k = "abbreviations"
    page = "abbr-{}.html"

    def case(name: str, abbr: str, body: str, **kwargs: object) -> Case:
        return Case(f"abbr-{name}", k, article("abbr:\n" + abbr, body=body), **kwargs)  # type: ignore[arg-type]

    return [
        case(
            "onfocus",
            "  X: autofocus onfocus=alert(1) x\n",
            "Een X hier.\n",
            expect="ok",
            check=_contains(
                '<abbr title="autofocus onfocus=alert(1) x">X</abbr>', page.format("onfocus")
            ),
        ),
        case("style", '  X: "x style=position:fixed;top:0"\n', "Een X hier.\n", expect="ok"),
        case(
            "nested",
            "  WHO: World Health Organization, a UN agency\n  UN: United Nations\n",
            "De WHO en de UN.\n",
            expect="ok",
            check=_contains(
                '<abbr title="World Health Organization, a UN agency">WHO</abbr>',
                page.format("nested"),
            ),
        ),
        case(
            "entity-name",
            "  quot: quotient\n  amp: ampère\n  lt: kleiner\n",
            'Hij zei "ja" & <nee> quot.\n',
            expect="ok",
            check=_contains("&quot;ja&quot; &amp; &lt;nee&gt;", page.format("entity-name")),
        ),
        case(
            "markup-key",
            '  "<b>": vet\n  "title": titel\n  "abbr": afkorting\n',
            "Een <b> en title en abbr.\n",
            expect="ok",
        ),
        case(
            "regex-chars",
            '  "C++": taal\n  "a.b": punt\n  "(x)": haakjes\n  "\\\\": slash\n',
            "C++ en a.b en (x) en axb en \\\\.\n",
            expect="ok",
        ),
        case("quote-in-expansion", "  Q: 'zeg \"hallo\" en &amp;'\n", "Q!\n", expect="ok"),
        case("same-as-link", "  https: protocol\n", "Zie https://e.example/ nu.\n"),
        case(
            "in-heading-caption",
            "  WMO: Wet\n",
            '## De WMO\n\n![Een WMO](a.svg "De WMO in beeld")\n',
            files={"a.svg": svg("")},
            expect="ok",
        ),
        case(
            "easy-level", "  WMO: Wet\n", "::: plain\nDe WMO helpt. Ook de WMO.\n:::\n", expect="ok"
        ),
        case(
            "many",
            "".join(f"  A{i}: Uitleg {i}\n" for i in range(1000)),
            " ".join(f"A{i}" for i in range(0, 1000, 3)) + "\n",
            expect="ok",
        ),
        case(
            "empty-key",
            '  "": leeg\n',
            "Tekst.\n",
            expect="error",
            message="an abbreviation must not be empty",
        ),
        case(
            "in-code",
            "  X: iets\n",
            "`X` en X.\n",
            expect="ok",
            check=_contains("<code>X</code>", page.format("in-code")),
        ),
    ]


def body_cases() -> list[Case]:
    k = "markdown-body"
    return [
        Case(
            "body-raw-html",
            k,
            article(
                body="<script>alert(1)</script>\n\n<iframe src=x></iframe>\n\n"
                '<p style="x" onclick="y()">p</p>\n'
            ),
            expect="ok",
        ),
        Case(
            "body-inline-html",
            k,
            article(body="a <img src=x onerror=alert(1)> b <svg onload=x>\n"),
            expect="ok",
        ),
        Case(
            "body-bad-links",
            k,
            article(
                body="[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x) "
                "[d](JaVaScRiPt:x) "
                "[e]( javascript:x) [f](file:///etc/passwd) <javascript:alert(1)> "
                "[g](java&#x09;script:x) [h](&#106;avascript:x) [i](\\javascript:x)\n"
            ),
        ),
        Case(
            "body-link-title", k, article(body='[t](https://e.example/ "x\\" onmouseover=\\"y")\n')
        ),
        Case(
            "body-relative-links",
            k,
            article(body="[a](../../etc/passwd) [b](//evil.example/x) [c](?x=1) [d](#nergens)\n"),
        ),
        Case(
            "body-linkify", k, article(body="www.example.com javascript://x.example/%0aalert(1)\n")
        ),
        Case(
            "body-span-attrs",
            k,
            article(body='[a]{style="color:red" onclick="x()" lang=en} [b]{#x .y z=1}\n'),
            expect="ok",
        ),
        Case("body-heading-attrs", k, article(body="## Kop {#id onclick=x .a style=b}\n\nT.\n")),
        Case(
            "body-image-title",
            k,
            article(body=figure('a.svg "x\\" onerror=\\"alert(1)"')),
            files={"a.svg": svg("")},
            expect="ok",
        ),
        Case(
            "body-caption-image",
            k,
            article(body='![Een](a.svg "Met ![plaatje](/etc/passwd) en ![b](nergens.png)")\n'),
            files={"a.svg": svg("")},
            expect="ok",
        ),
        Case(
            "body-footnote-from-footnote",
            k,
            article(body="Tekst[^1].\n\n[^1]: Noot[^2].\n[^2]: Tweede.\n"),
            expect="ok",
            check=_contains('id="note-2"', "body-footnote-from-footnote.html"),
        ),
        Case(
            "body-footnote-cycle",
            k,
            article(body="Tekst[^1].\n\n[^1]: Noot[^2].\n[^2]: Terug[^1].\n"),
            expect="ok",
        ),
        Case("body-footnote-self", k, article(body="Tekst[^1].\n\n[^1]: Zelf[^1].\n"), expect="ok"),
        Case("body-footnote-label", k, article(body="T[^<script>].\n\n[^<script>]: n\n")),
        Case(
            "body-entities",
            k,
            article(body="&#0; &#xD800; &#x110000; &#xFFFE; &bogus; &amp;\n"),
            expect="ok",
        ),
        Case(
            "body-control-chars",
            k,
            article(body="a\x1b[2Jb\x07c\x00d\ufffe\ud800e\n").encode("utf-8", "surrogatepass"),
            expect="error",
        ),
        Case(
            "body-control-chars-valid",
            k,
            article(body="a\x1b[31mb\x07c\x0bd\ufffee\n"),
            expect="ok",
        ),
        Case("body-deep-quotes", k, article(body="> " * 2000 + "diep\n")),
        Case("body-deep-lists", k, article(body="".join("  " * i + "- x\n" for i in range(500)))),
        Case("body-brackets", k, article(body="[" * 5000 + "x" + "]" * 5000 + "\n")),
        Case("body-stars", k, article(body="*a **b " * 2000 + "\n")),
        Case("body-backticks", k, article(body="`a ``b " * 2000 + "\n")),
        Case(
            "body-link-refs",
            k,
            article(
                body="".join(f"[{i}]: https://e.example/{i}\n" for i in range(3000)) + "[1] [2]\n"
            ),
        ),
        Case("body-unclosed-container", k, article(body="::: plain\nNooit gesloten.\n")),
        Case("body-deep-containers", k, article(body=":::: plain\n" * 100 + "x\n")),
        Case(
            "body-long-paragraph-easy",
            k,
            article("plain:\n  level: easy\n", body=("woord " * 5_000) + "\n"),
            expect="ok",
        ),
        Case("body-long-word", k, article(body="x" * 20_000 + "\n"), expect="ok"),
        Case(
            "body-many-headings",
            k,
            article(body="".join(f"## K{i}\n\n" for i in range(300))),
            expect="ok",
        ),
        Case(
            "body-template-syntax",
            k,
            article(body="{{ 7*7 }} {% for x in range(9) %}{{x}}{% endfor %} {{ config }}\n"),
            expect="ok",
            check=_contains("{{ 7*7 }}", "body-template-syntax.html"),
        ),
        Case(
            "body-undefined-term",
            k,
            article(body="[woord]{.term}\n"),
            expect="error",
            message="glossary term 'woord' is not defined",
        ),
        Case(
            "body-bad-span-lang", k, article(body="[a]{lang=" + "x" * 300 + "}\n"), expect="error"
        ),
        Case("body-bad-dir", k, article(body="[a]{lang=en dir=sideways}\n"), expect="error"),
        Case(
            "body-table-html",
            k,
            article(
                body="| <b>a</b> | b |\n| - | - |\n| <script>x</script> | [l](javascript:x) |\n"
            ),
            expect="ok",
        ),
        Case(
            "body-deflist-html",
            k,
            article(body="Term <i>x</i>\n: <script>uitleg</script>\n"),
            expect="ok",
        ),
        Case(
            "body-code",
            k,
            article(body="```html\n</code></pre><script>x</script>\n```\n"),
            expect="ok",
        ),
    ]


def svg_cases() -> list[Case]:
    k = "svg"
    bomb = "".join(
        f'<g id="a{i + 1}">' + f'<use xlink:href="#a{i}"/>' * 10 + "</g>" for i in range(9)
    )

    def case(name: str, content: str | bytes, **kwargs: object) -> Case:
        return Case(
            f"svg-{name}",
            k,
            article(body=figure("beeld.svg")),
            files={"beeld.svg": content},
            **kwargs,
        )  # type: ignore[arg-type]

    laughs = (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;">]>' + svg("<text>&c;</text>")
    )
    return [
        case("script", svg("<script>alert(1)</script><rect width='1' height='1'/>"), expect="ok"),
        case(
            "namespaced-script",
            svg('<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>'),
            expect="ok",
        ),
        case(
            "xhtml-script",
            svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
            expect="ok",
        ),
        case(
            "foreign-object",
            svg(
                "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>"
                "<script>x</script></div></foreignObject>"
            ),
            expect="ok",
        ),
        case(
            "onload",
            svg(
                "<rect width='1' height='1' onload='alert(1)' onclick='x()'/>",
                'viewBox="0 0 10 10" onload="alert(1)"',
            ),
            expect="ok",
        ),
        case(
            "entity-javascript",
            svg("<a xlink:href='&#106;avascript:alert(1)'><text>x</text></a>"),
            expect="ok",
        ),
        case(
            "href-javascript", svg("<a href='javascript:alert(1)'><text>x</text></a>"), expect="ok"
        ),
        case("use-external", svg("<use xlink:href='http://evil.example/x.svg#a'/>"), expect="ok"),
        case(
            "image-external",
            svg("<image href='http://evil.example/x.png' width='1' height='1'/>"),
            expect="ok",
        ),
        case(
            "image-file",
            svg("<image href='file:///etc/passwd' width='1' height='1'/>"),
            expect="ok",
        ),
        case(
            "image-svg-data",
            svg("<image href='data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' width='1' height='1'/>"),
            expect="ok",
        ),
        case(
            "image-png-bomb",
            svg(
                "<image width='1' height='1' href='data:image/png;base64,"
                + __import__("base64").b64encode(png_claiming(60000, 60000)).decode()
                + "'/>"
            ),
            expect="error",
            message="pixels",
        ),
        case(
            "image-png-ok",
            svg(
                "<image width='4' height='3' href='data:image/png;base64,"
                + __import__("base64").b64encode(png()).decode()
                + "'/>"
            ),
            expect="ok",
        ),
        case(
            "use-bomb",
            svg(f"<defs><rect id='a0' width='1' height='1'/>{bomb}</defs><use xlink:href='#a9'/>"),
            expect="error",
            message="once its <use> references are expanded",
        ),
        case(
            "use-cycle",
            svg("<g id='a'><use href='#b'/></g><g id='b'><use href='#a'/></g>"),
            expect="error",
            message="refer to themselves",
        ),
        case(
            "pattern-cycle",
            svg(
                "<pattern id='p' width='1' height='1'><rect width='1' height='1' "
                "fill='url(#p)'/></pattern><rect width='5' height='5' "
                "fill='url(#p)'/>"
            ),
            expect="error",
            message="refer to themselves",
        ),
        case("deep-nesting", svg("<g>" * 3000 + "</g>" * 3000), expect="error"),
        case(
            "deep-nesting-60",
            svg("<g>" * 60 + "</g>" * 60),
            expect="error",
            message="deeper than 50",
        ),
        case("billion-laughs", laughs, expect="error", message="entities"),
        case(
            "xxe",
            '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + svg("<text>&x;</text>"),
            expect="error",
            message="entities",
        ),
        case(
            "external-dtd",
            '<?xml version="1.0"?><!DOCTYPE svg SYSTEM "http://evil.example/x.dtd">'
            + svg("<text>&x;</text>"),
            expect="error",
        ),
        case(
            "svg11-doctype",
            '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
            '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + svg("<circle r='3'/>"),
            expect="ok",
        ),
        case(
            "style-import",
            svg(
                "<style>@import url(http://evil.example/x.css); "
                ".a { fill: red; background: url(http://evil.example/) } "
                "</style><rect class='a' width='1' height='1'/>"
            ),
            expect="ok",
        ),
        case(
            "style-close",
            svg(
                "<style>.a{fill:red}</style><text>&lt;/style&gt;&lt;script&gt;x"
                "&lt;/script&gt;</text>"
            ),
            expect="ok",
        ),
        case(
            "style-attribute",
            svg(
                "<rect width='1' height='1' style='fill:red; "
                "behavior:url(x.htc); -moz-binding:url(x)'/>"
            ),
            expect="ok",
        ),
        case(
            "url-fill",
            svg("<rect width='1' height='1' fill='url(http://evil.example/#x)'/>"),
            expect="ok",
        ),
        case(
            "animate-href",
            svg(
                "<a><set attributeName='href' to='javascript:alert(1)'/>"
                "<animate attributeName='href' values='javascript:x'/>"
                "<text>x</text></a>"
            ),
            expect="ok",
        ),
        case(
            "viewbox-inf",
            svg("", 'viewBox="0 0 inf inf"'),
            expect="error",
            message="four finite numbers",
        ),
        case("viewbox-nan", svg("", 'viewBox="0 0 nan 5"'), expect="error"),
        case("viewbox-negative", svg("", 'viewBox="0 0 -5 5"'), expect="error"),
        case(
            "viewbox-huge",
            svg("", 'viewBox="0 0 1e300 1e300"'),
            expect="error",
            message="at most 100000",
        ),
        case("width-huge", svg("", 'width="1e12" height="1"'), expect="error"),
        case(
            "not-well-formed",
            "<svg xmlns='http://www.w3.org/2000/svg'><g></svg>",
            expect="error",
            message="not well-formed",
        ),
        case("not-svg-root", "<?xml version='1.0'?><html><svg/></html>", expect="error"),
        case(
            "many-elements",
            svg("<rect width='1' height='1'/>" * 25_000),
            expect="error",
            message="the limit is 20,000",
        ),
        case(
            "processing-instruction",
            '<?xml-stylesheet href="http://evil.example/x.css"?>' + svg("<circle r='2'/>"),
            expect="ok",
        ),
        case(
            "xinclude",
            svg(
                "<xi:include xmlns:xi='http://www.w3.org/2001/XInclude' "
                "href='/etc/passwd' parse='text'/>"
            ),
            expect="ok",
        ),
    ]


def raster_cases() -> list[Case]:
    k = "raster-images"

    def case(name: str, files: dict[str, bytes | str], body: str, **kwargs: object) -> Case:
        return Case(f"img-{name}", k, article(body=body), files=files, **kwargs)  # type: ignore[arg-type]

    return [
        case(
            "png-bomb",
            {"a.png": png_claiming(100_000, 100_000)},
            figure("a.png"),
            expect="error",
            message="pixels",
        ),
        case(
            "png-51mp",
            {"a.png": png_claiming(10_000, 5_100)},
            figure("a.png"),
            expect="error",
            message="50 megapixels",
        ),
        Case(
            "img-png-49mp",
            k,
            article(body=figure("a.png")),
            files={"a.png": lambda: png(7000, 7000)},
            expect="ok",
            alone=True,
            options=("--format", "pdf", "--variant", "standard"),  # the handout decodes it
        ),
        case("png-zero", {"a.png": png_claiming(0, 0)}, figure("a.png"), expect="error"),
        case("png-truncated", {"a.png": png()[:40]}, figure("a.png"), expect="error"),
        case("gif-frames", {"a.gif": gif_frames(300, 200)}, figure("a.gif")),
        case(
            "png-named-html",
            {"a.html": png()},
            figure("a.html"),
            expect="ok",
            check=_images_are("a.png"),
        ),
        case(
            "svg-named-html",
            {"a.html": svg("<circle r='2'/>")},
            figure("a.html"),
            expect="ok",
            check=_images_are("a.svg"),
        ),
        case(
            "png-named-svg",
            {"a.svg": png()},
            figure("a.svg"),
            expect="ok",
            check=_images_are("a.png"),
        ),
        case(
            "text-named-png",
            {"a.png": "geen plaatje"},
            figure("a.png"),
            expect="error",
            message="is not a PNG",
        ),
        case(
            "html-named-svg",
            {"a.svg": "<html><script>x</script><svg></svg></html>"},
            figure("a.svg"),
            expect="error",
        ),
        case(
            "names-with-space-hash-question",
            {"mijn foto.png": png(), "foto#1.png": png(), "wat?.png": png()},
            figure("<mijn foto.png>") + "\n" + figure("foto%231.png") + "\n" + figure("wat%3F.png"),
            expect="ok",
            check=_images_are("mijn-foto.png", "foto-1.png", "wat.png"),
        ),
        case(
            "same-stem",
            {"a.png": png(), "b/a.png": png(5, 5), "a.jpg": png(6, 6)},
            figure("a.png") + "\n" + figure("b/a.png") + "\n" + figure("a.jpg"),
            expect="ok",
        ),
        case(
            "nul-in-path",
            {"a.png": png()},
            figure("a%00.png"),
            expect="error",
            message="control characters",
        ),
        case(
            "traversal",
            {},
            figure("../../../../etc/passwd"),
            expect="error",
            message="outside the article's folder",
        ),
        case("absolute", {}, figure("/etc/passwd"), expect="error", message="does not exist"),
        case("file-url", {}, figure("file:///etc/passwd"), expect="ok"),
        case("data-url", {}, figure("data:image/png;base64,iVBORw0KGgo="), expect="error"),
        case(
            "remote-not-allowed",
            {},
            figure("https://e.example/a.png"),
            expect="ok",  # a warning; its alt text is shown
            check=_contains("Een afbeelding", "img-remote-not-allowed.html"),
        ),
        case("missing", {}, figure("weg.png"), expect="error", message="does not exist"),
        case(
            "directory",
            {"map/x.png": png()},
            figure("map"),
            expect="error",
            message="does not exist",
        ),
        case(
            "symlink-out",
            {"a.png": "symlink:/etc/passwd"},
            figure("a.png"),
            expect="error",
            message="outside the article's folder",
        ),
        case(
            "same-file-many-paths",
            {"a.png": png()},
            "\n".join(figure("./" * i + "a.png") for i in range(1, 60)),
            expect="ok",
        ),
        case(
            "too-big",
            {"a.png": png() + b"\x00" * (10 * 1024 * 1024)},
            figure("a.png"),
            expect="error",
            message="the limit is 10 MB",
        ),
        case("long-name", {"a" * 240 + ".png": png()}, figure("a" * 240 + ".png"), expect="ok"),
        case("no-alt", {"a.png": png()}, "![](a.png)\n", expect="error", message="no alt text"),
    ]


def file_cases() -> list[Case]:
    k = "files"
    return [
        Case("file-empty", k, "", expect="error", message="the file is empty"),
        Case("file-binary", k, b"\x00\x01\x02PNG", expect="error", message="binary"),
        Case("file-utf16", k, article().encode("utf-16"), expect="error"),
        Case(
            "file-latin1",
            k,
            article(body="café\n").encode("latin-1"),
            expect="error",
            message="not UTF-8",
        ),
        Case(
            "file-bom-crlf",
            k,
            ("\ufeff" + article()).replace("\n", "\r\n").encode("utf-8"),
            expect="ok",
        ),
        Case("file-cr-only", k, article().replace("\n", "\r"), expect="ok"),
        Case(
            "file-lone-surrogate",
            k,
            article(body="a\ud800b\n").encode("utf-8", "surrogatepass"),
            expect="error",
            message="not UTF-8",
        ),
        Case(
            "file-over-1mb",
            k,
            article(body="woord " * 180_000),
            expect="error",
            message="the limit is 1 MB",
        ),
        Case("file-no-front-matter", k, "Alleen tekst.\n", expect="error"),
        Case("file-only-dashes", k, "---\n---\n---\n", expect="error"),
        Case(
            "disk-full",
            k,
            article(),
            alone=True,
            fsize=20_000,
            expect="error",
            message="File too large",
        ),
    ]


def run_cases() -> list[Case]:
    """Cases that need a command line of their own."""
    k = "command-line"
    return [
        Case(
            "jobs-2-mixed",
            k,
            article(base="title: T\nlang: nl\ndate: 2023-02-30\n"),
            alone=True,
            options=("--jobs", "2"),
            expect="error",
            message="not a real date",
        ),
        Case(
            "strict-warnings",
            k,
            article(body="<blink>x</blink>\n"),
            alone=True,
            options=("--strict",),
            expect="error",
            message="is shown as text",
        ),
        Case(
            "remote-relative-out",
            k,
            article(body=figure("http://127.0.0.1:9/a.png")),
            alone=True,
            options=("--allow-remote",),
            expect="error",
            message="could not be fetched",
        ),
    ]


def theme_cases() -> list[Case]:
    """Articles that use the hostile themes of :func:`write_themes`."""
    k = "themes"

    def case(theme: str, message: str | None, expect: Expect = "error") -> Case:
        return Case(
            f"theme-{theme}",
            k,
            article(f"theme: {theme}\n"),
            expect=expect,
            message=message,
            where=f"/themes/{theme}",
        )

    return [
        case("symlink-passwd", "leads out of the theme's folder"),
        case("symlink-folder", "leads out of the theme's folder"),
        case("symlink-loop", "leads nowhere"),
        case("wrong-types", "'extends' must be text"),
        case("colour-type", "must be text (#rrggbb)"),
        case("broken-toml", "not valid TOML"),
        case("ssti", "may not do"),
        case("recursion", None),
        case("big-loop", None, expect="any"),
        case("syntax", "template error"),
        case("css-passwd", "may not load"),
        case("logo-outside", "has no static file"),
        case("broken-i18n", "not valid TOML"),
        case("cycle-a", "cycle"),
        case("default", None, expect="ok"),
        case("bestaat-niet", "unknown theme"),
    ]


def write_themes(themes: Path) -> None:
    """The hostile themes :func:`theme_cases` use, in a project's ``themes/``."""
    import os

    def theme(
        name: str, toml: str = 'extends = "default"\n', files: dict[str, str] | None = None
    ) -> Path:
        folder = themes / name
        (folder / "templates").mkdir(parents=True)
        (folder / "theme.toml").write_text(toml, encoding="utf-8")
        for relative, text in (files or {}).items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(text, encoding="utf-8")
        return folder

    colophon = "templates/partials/colophon.html"
    os.symlink("/etc/passwd", theme("symlink-passwd") / "templates" / "base.html")
    os.symlink("/etc", theme("symlink-folder") / "static")
    loop = theme("symlink-loop") / "templates" / "lus.html"
    os.symlink(loop, loop)
    theme("wrong-types", 'extends = 5\ncolors = "rood"\n')
    theme("colour-type", "[colors.light]\ntext = 5\n")
    theme("broken-toml", "extends = \n")
    theme("ssti", files={colophon: "{{ ''.__class__.__mro__[1].__subclasses__() }}"})
    theme("recursion", files={colophon: "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"})
    theme("big-loop", files={colophon: "{% for i in range(10**9) %}x{% endfor %}"})
    theme("syntax", files={colophon: "{% if %}"})
    print_css = "static/css/print.css"
    default_css = Path(__file__).resolve().parents[2] / "publisher/theme/builtin/default"
    theme(
        "css-passwd",
        files={
            print_css: (default_css / print_css).read_text(encoding="utf-8")
            + "\nbody { background: url(/etc/passwd); }\n"
        },
    )
    theme("logo-outside", '[options]\nlogo = "../../../../etc/passwd"\n')
    theme("broken-i18n", files={"i18n/nl.toml": "skip_link = \n"})
    theme("cycle-a", 'extends = "cycle-b"\n')
    theme("cycle-b", 'extends = "cycle-a"\n')
    theme("default")  # a built-in name: not a theme (the built-in one is used)


def all_cases() -> list[Case]:
    cases = (
        front_matter_cases()
        + front_matter_injection_cases()
        + abbreviation_cases()
        + body_cases()
        + svg_cases()
        + raster_cases()
        + file_cases()
        + run_cases()
        + theme_cases()
    )
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "two cases with one name"
    return cases
