"""SVG images are rebuilt from an allow-list: what is left can draw, and nothing in it
can run, load or expand without bound."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from publisher.reading.images import ImageProblem, resolve_image
from publisher.reading.svg import SVG_NS, SvgProblem, clean_svg

HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 10 10">'
)


def cleaned(inner: str, head: str = HEAD) -> str:
    return clean_svg(f"{head}{inner}</svg>".encode(), lambda raster: None)[0].decode()


def refusal(inner: str, head: str = HEAD) -> str:
    with pytest.raises(SvgProblem) as caught:
        clean_svg(f"{head}{inner}</svg>".encode(), lambda raster: None)
    return str(caught.value)


@pytest.mark.parametrize(
    "inner",
    [
        "<script>alert(1)</script>",
        '<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>',
        '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
        "<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>x</p></foreignObject>",
        "<set attributeName='href' to='javascript:alert(1)'/>",
        "<animate attributeName='fill' values='red'/>",
        "<iframe src='https://evil.example/'/>",
    ],
)
def test_active_elements_are_left_out_however_they_are_named(inner: str) -> None:
    out = cleaned(inner + "<rect width='1' height='1'/>")
    assert "<rect" in out
    for word in ("script", "foreignObject", "set ", "animate", "iframe", "alert"):
        assert word not in out


def test_handlers_links_and_styles_that_load_are_dropped() -> None:
    out = cleaned(
        "<a xlink:href='&#106;avascript:alert(1)'><rect width='1' height='1' onclick='x()' "
        "style='fill:red;behavior:url(x.htc);stroke:url(http://evil.example/#a)'/></a>"
        "<use xlink:href='http://evil.example/x.svg#a'/><use href='#r'/>"
        "<rect id='r' width='2' height='2' fill='url(https://evil.example/p#x)'/>"
        "<image href='https://evil.example/x.png' width='1' height='1'/>"
    )
    assert "javascript" not in out and "onclick" not in out and "evil" not in out
    assert "style=" not in out and "behavior" not in out
    assert 'fill="red"' in out  # what the style attribute said, as a presentation attribute
    assert 'xlink:href="#r"' in out  # a reference inside the image stays
    assert "<image" not in out  # an image without an allowed source draws nothing


def test_a_style_sheet_keeps_only_drawing_properties() -> None:
    out = cleaned(
        "<style>@import url(http://evil.example/x.css); .a { fill: red; "
        "background: url(http://evil.example/); stroke: url(#g) } "
        "@font-face { src: url(http://evil.example/f) }</style>"
        "<rect class='a' width='1' height='1'/>"
    )
    style = etree.fromstring(out).find(f"{{{SVG_NS}}}style")
    assert style is not None and style.text == ".a { fill: red; stroke: url(#g) }"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            '<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>' + HEAD + "&b;</svg>",
            "declares XML entities",
        ),
        (
            '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + HEAD + "&x;</svg>",
            "declares XML entities",
        ),
        ('<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd">' + HEAD + "&x;</svg>", "entit"),
        (HEAD + "<g>", "not well-formed"),
        ("<html><svg/></html>", "not an SVG document"),
    ],
)
def test_entities_and_broken_files_are_refused(document: str, message: str) -> None:
    with pytest.raises(SvgProblem, match=message):
        clean_svg(document.encode(), lambda raster: None)


def test_fanned_out_use_is_refused_before_anything_draws_it() -> None:
    levels = "".join(
        f'<g id="a{i + 1}">' + f'<use xlink:href="#a{i}"/>' * 10 + "</g>" for i in range(9)
    )
    message = refusal(f"<defs><rect id='a0' width='1' height='1'/>{levels}</defs>"
                      "<use xlink:href='#a9'/>")  # fmt: skip
    assert "50,000 elements once its <use> references are expanded" in message
    # Three levels (about a thousand shapes) are fine.
    few = "".join(
        f'<g id="a{i + 1}">' + f'<use xlink:href="#a{i}"/>' * 10 + "</g>" for i in range(3)
    )
    assert "<use" in cleaned(f"<defs><rect id='a0' width='1' height='1'/>{few}</defs>")


@pytest.mark.parametrize(
    "inner",
    [
        "<g id='a'><use href='#b'/></g><g id='b'><use href='#a'/></g>",
        "<pattern id='p' width='1' height='1'><rect width='1' height='1' fill='url(#p)'/>"
        "</pattern>",
    ],
)
def test_reference_cycles_are_refused(inner: str) -> None:
    assert "refer to themselves" in refusal(inner)


@pytest.mark.parametrize(
    ("head", "message"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 inf inf">', "four finite"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 nan 1">', "four finite"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 -1 1">', "above 0"),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="1e9" height="1">', "at most 100000"),
    ],
)
def test_impossible_sizes_are_refused(head: str, message: str) -> None:
    assert message in refusal("", head)


def test_limits_on_elements_and_nesting() -> None:
    assert "the limit is 20,000" in refusal("<rect width='1' height='1'/>" * 20_001)
    assert "deeper than 50" in refusal("<g>" * 51 + "</g>" * 51)


def test_embedded_raster_images_are_checked(tmp_path: Path) -> None:
    """A tiny SVG may embed a PNG whose header claims billions of pixels."""
    import base64

    from tests.hostile.corpus import png, png_claiming

    def svg_with(data: bytes) -> str:
        encoded = base64.b64encode(data).decode()
        return f"{HEAD}<image width='1' height='1' href='data:image/png;base64,{encoded}'/></svg>"

    (tmp_path / "bom.svg").write_text(svg_with(png_claiming(90_000, 90_000)), encoding="utf-8")
    with pytest.raises(ImageProblem, match=r"too many pixels|megapixels"):
        resolve_image("bom.svg", tmp_path)
    (tmp_path / "ok.svg").write_text(svg_with(png()), encoding="utf-8")
    assert b"data:image/png;base64," in resolve_image("ok.svg", tmp_path).data


def test_what_is_published_is_the_cleaned_file(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(f"{HEAD}<script>x</script><circle r='2'/></svg>")
    image = resolve_image("a.html", tmp_path)
    assert image.name == "a.svg" and image.media_type == "image/svg+xml"
    assert b"script" not in image.data and b"<circle" in image.data


ICONS = Path("/usr/share/icons")


@pytest.mark.skipif(not ICONS.is_dir(), reason="no icon themes installed on this machine")
def test_real_icons_keep_every_drawing_element() -> None:
    """SVGs nobody here wrote (the desktop's icon themes, made with Inkscape and other
    editors): each is accepted, and every element it draws with is kept."""
    files = sorted(ICONS.rglob("*.svg"))[:800]
    assert files
    lost: Counter[str] = Counter()
    for path in files:
        data = path.read_bytes()
        out = clean_svg(data, lambda raster: None)[0]
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        before = Counter(
            etree.QName(e).localname
            for e in etree.fromstring(data, parser).iter()
            if isinstance(e.tag, str) and etree.QName(e).namespace in (SVG_NS, None)
        )
        after = Counter(etree.QName(e).localname for e in etree.fromstring(out).iter())
        lost += before - after
    assert set(lost) <= {"metadata"}, lost
