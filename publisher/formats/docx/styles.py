"""The Word styles document, generated from the theme: its font and colours, sizes
per variant (plain language is larger), real heading styles with outline levels.
No binary template: every style the document uses is written here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from publisher.formats.docx.ooxml import PPR_ORDER, RPR_ORDER, W, el, hex_colour, ordered
from publisher.theme import Theme

MONO = "DejaVu Sans Mono"


@dataclass(frozen=True)
class Look:
    """What the styles are made of: the theme's font and colours, the sizes (pt)."""

    font: str
    text: str
    heading: str
    link: str
    muted: str
    surface: str
    border: str
    accent: str
    body_pt: float
    line: int
    """Line spacing in 240ths of a line (360 = 1.5)."""
    headings_pt: tuple[float, ...]
    """Heading 1 (the title) to Heading 6."""
    small_pt: float
    lang: str

    @property
    def colours(self) -> dict[str, str]:
        return {
            "text": self.text,
            "heading": self.heading,
            "link": self.link,
            "muted": self.muted,
        }


def look(theme: Theme, plain: bool, lang: str) -> Look:
    colours = theme.colors["light"]
    font = str(theme.options.get("fonts", {}).get("body", "Arial"))
    if plain:
        sizes: tuple[float, ...] = (26, 19, 16, 15, 14, 14)
        body, small, line = 14.0, 12.0, 360
    else:
        sizes = (24, 16, 13.5, 12, 11, 11)
        body, small, line = 11.0, 9.5, 312
    return Look(
        font=font,
        text=hex_colour(colours["text"]),
        heading=hex_colour(colours.get("heading", colours["text"])),
        link=hex_colour(colours.get("link", colours["text"])),
        muted=hex_colour(colours.get("muted", colours["text"])),
        surface=hex_colour(colours.get("surface", colours["background"])),
        border=hex_colour(colours.get("border", colours["text"])),
        accent=hex_colour(colours.get("accent", colours["text"])),
        body_pt=body,
        line=line,
        headings_pt=sizes,
        small_pt=small,
        lang=lang,
    )


def _half(points: float) -> str:
    return str(round(points * 2))


def _rpr(
    *,
    font: str | None = None,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
    size: float | None = None,
    underline: str | None = None,
    lang: str | None = None,
    vert: str | None = None,
) -> Any:
    children: dict[str, Any] = {}
    if font:
        children["rFonts"] = el(
            "w:rFonts", {"ascii": font, "hAnsi": font, "cs": font, "eastAsia": font}
        )
    if bold:
        children["b"] = el("w:b")
        children["bCs"] = el("w:bCs")
    if italic:
        children["i"] = el("w:i")
        children["iCs"] = el("w:iCs")
    if colour:
        children["color"] = el("w:color", {"val": colour})
    if size:
        children["sz"] = el("w:sz", {"val": _half(size)})
        children["szCs"] = el("w:szCs", {"val": _half(size)})
    if underline:
        children["u"] = el("w:u", {"val": underline})
    if vert:
        children["vertAlign"] = el("w:vertAlign", {"val": vert})
    if lang:
        children["lang"] = el("w:lang", {"val": lang, "eastAsia": lang, "bidi": lang})
    return ordered("w:rPr", RPR_ORDER, children)


def _ppr(
    *,
    keep_next: bool = False,
    keep_lines: bool = False,
    before: int | None = None,
    after: int | None = None,
    line: int | None = None,
    indent: int | None = None,
    hanging: int | None = None,
    outline: int | None = None,
    shading: str | None = None,
    border_left: str | None = None,
    border_box: str | None = None,
    border_bottom: str | None = None,
    border_left_only: str | None = None,
    no_hyphens: bool = False,
) -> Any:
    children: dict[str, Any] = {}
    if keep_next:
        children["keepNext"] = el("w:keepNext")
    if keep_lines:
        children["keepLines"] = el("w:keepLines")
    borders = []
    if border_box:
        for side in ("top", "left", "bottom", "right"):
            size = "24" if side == "left" and border_left else "6"
            colour = border_left if side == "left" and border_left else border_box
            borders.append(
                el(f"w:{side}", {"val": "single", "sz": size, "space": "6", "color": colour})
            )
    elif border_left_only:
        borders.append(
            el("w:left", {"val": "single", "sz": "24", "space": "12", "color": border_left_only})
        )
    elif border_bottom:
        borders.append(
            el("w:bottom", {"val": "single", "sz": "6", "space": "4", "color": border_bottom})
        )
    if borders:
        children["pBdr"] = el("w:pBdr", None, *borders)
    if shading:
        children["shd"] = el("w:shd", {"val": "clear", "color": "auto", "fill": shading})
    if no_hyphens:
        children["suppressAutoHyphens"] = el("w:suppressAutoHyphens")
    spacing: dict[str, str] = {}
    if before is not None:
        spacing["before"] = str(before)
    if after is not None:
        spacing["after"] = str(after)
    if line is not None:
        spacing["line"] = str(line)
        spacing["lineRule"] = "auto"
    if spacing:
        children["spacing"] = el("w:spacing", spacing)
    if indent is not None or hanging is not None:
        ind = {"left": str(indent or 0)}
        if hanging:
            ind["hanging"] = str(hanging)
        children["ind"] = el("w:ind", ind)
    if outline is not None:
        children["outlineLvl"] = el("w:outlineLvl", {"val": str(outline)})
    return ordered("w:pPr", PPR_ORDER, children)


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = None,
    next_style: str | None = None,
    default: bool = False,
    priority: int | None = None,
    quick: bool = False,
    ppr: Any = None,
    rpr: Any = None,
    extra: tuple[Any, ...] = (),
) -> Any:
    attrs = {"type": kind, "styleId": style_id}
    if default:
        attrs["default"] = "1"
    style = el("w:style", attrs, el("w:name", {"val": name}))
    if based_on:
        style.append(el("w:basedOn", {"val": based_on}))
    if next_style:
        style.append(el("w:next", {"val": next_style}))
    if priority is not None:
        style.append(el("w:uiPriority", {"val": str(priority)}))
    if quick:
        style.append(el("w:qFormat"))
    for part in (ppr, rpr, *extra):
        if part is not None and len(part):
            style.append(part)
    return style


def styles_xml(lk: Look) -> bytes:
    """``word/styles.xml``."""
    root = el("w:styles")
    root.append(
        el(
            "w:docDefaults",
            None,
            el("w:rPrDefault", None, _rpr(font=lk.font, size=lk.body_pt, lang=lk.lang)),
            el("w:pPrDefault", None, _ppr(after=round(lk.body_pt * 12), line=lk.line)),
        )
    )
    body_after = round(lk.body_pt * 12)
    styles = [
        _style(
            "paragraph",
            "Normal",
            "Normal",
            default=True,
            quick=True,
            rpr=_rpr(colour=lk.text),
        ),
        _style(
            "character", "DefaultParagraphFont", "Default Paragraph Font", default=True, priority=1
        ),
        _style(
            "table",
            "TableNormal",
            "Normal Table",
            default=True,
            priority=99,
            extra=(
                el(
                    "w:tblPr",
                    None,
                    el("w:tblInd", {"w": "0", "type": "dxa"}),
                    el(
                        "w:tblCellMar",
                        None,
                        el("w:top", {"w": "0", "type": "dxa"}),
                        el("w:left", {"w": "108", "type": "dxa"}),
                        el("w:bottom", {"w": "0", "type": "dxa"}),
                        el("w:right", {"w": "108", "type": "dxa"}),
                    ),
                ),
            ),
        ),
        _style("numbering", "NoList", "No List", default=True, priority=99),
    ]
    for level, size in enumerate(lk.headings_pt, start=1):
        styles.append(
            _style(
                "paragraph",
                f"Heading{level}",
                f"heading {level}",
                based_on="Normal",
                next_style="Normal",
                priority=9,
                quick=True,
                ppr=_ppr(
                    keep_next=True,
                    keep_lines=True,
                    before=0 if level == 1 else round(size * 16),
                    after=round(size * 6),
                    line=round(240 * 1.15),
                    outline=level - 1,
                    no_hyphens=True,
                ),
                rpr=_rpr(bold=True, colour=lk.heading, size=size),
            )
        )
    small = lk.small_pt
    styles += [
        _style(
            "paragraph",
            "Subtitle",
            "Subtitle",
            based_on="Normal",
            next_style="Normal",
            priority=11,
            quick=True,
            rpr=_rpr(size=lk.headings_pt[2], colour=lk.text),
        ),
        _style(
            "paragraph",
            "Kicker",
            "Kicker",
            based_on="Normal",
            next_style="Heading1",
            ppr=_ppr(after=60),
            rpr=_rpr(bold=True, colour=lk.muted, size=small),
        ),
        _style(
            "paragraph",
            "Byline",
            "Byline",
            based_on="Normal",
            next_style="Normal",
            ppr=_ppr(after=body_after * 2),
            rpr=_rpr(colour=lk.muted, size=small),
        ),
        _style(
            "paragraph",
            "Summary",
            "Summary",
            based_on="Normal",
            next_style="Normal",
            ppr=_ppr(
                shading=lk.surface,
                border_box=lk.border,
                border_left=lk.accent,
                after=body_after * 2,
            ),
        ),
        _style(
            "paragraph",
            "Quote",
            "Quote",
            based_on="Normal",
            next_style="Normal",
            priority=29,
            quick=True,
            ppr=_ppr(indent=340, border_left_only=lk.accent),
            rpr=_rpr(colour=lk.text),
        ),
        _style(
            "paragraph",
            "Caption",
            "caption",
            based_on="Normal",
            next_style="Normal",
            priority=35,
            quick=True,
            ppr=_ppr(after=body_after * 2),
            rpr=_rpr(colour=lk.muted, size=small),
        ),
        _style(
            "paragraph",
            "Figure",
            "Figure",
            based_on="Normal",
            next_style="Caption",
            ppr=_ppr(keep_next=True, after=80),
        ),
        _style(
            "paragraph",
            "ListParagraph",
            "List Paragraph",
            based_on="Normal",
            priority=34,
            quick=True,
            ppr=_ppr(after=round(body_after / 2)),
        ),
        _style(
            "paragraph",
            "ListContinue",
            "List Continue",
            based_on="Normal",
            ppr=_ppr(after=round(body_after / 2)),
        ),
        _style(
            "paragraph",
            "DefinitionTerm",
            "Definition Term",
            based_on="Normal",
            next_style="Definition",
            ppr=_ppr(keep_next=True, after=40),
            rpr=_rpr(bold=True),
        ),
        _style("paragraph", "Definition", "Definition", based_on="Normal", ppr=_ppr(indent=567)),
        _style(
            "paragraph",
            "SourceCode",
            "Source Code",
            based_on="Normal",
            ppr=_ppr(shading=lk.surface, line=240, no_hyphens=True),
            rpr=_rpr(font=MONO, size=lk.body_pt * 0.9),
        ),
        _style(
            "paragraph",
            "FootnoteText",
            "footnote text",
            based_on="Normal",
            priority=99,
            ppr=_ppr(after=60, line=240),
            rpr=_rpr(size=small),
        ),
        _style(
            "paragraph",
            "Colophon",
            "Colophon",
            based_on="Normal",
            rpr=_rpr(colour=lk.muted, size=small),
        ),
        _style(
            "character",
            "Hyperlink",
            "Hyperlink",
            based_on="DefaultParagraphFont",
            priority=99,
            rpr=_rpr(colour=lk.link, underline="single"),
        ),
        _style(
            "character",
            "GlossaryLink",
            "Glossary Link",
            based_on="DefaultParagraphFont",
            rpr=_rpr(colour=lk.link, underline="dotted"),
        ),
        _style(
            "character",
            "FootnoteReference",
            "footnote reference",
            based_on="DefaultParagraphFont",
            priority=99,
            rpr=_rpr(vert="superscript"),
        ),
        _style(
            "character",
            "VerbatimChar",
            "Verbatim Char",
            based_on="DefaultParagraphFont",
            rpr=_rpr(font=MONO),
        ),
        _table_style(lk),
    ]
    for style in styles:
        root.append(style)
    return _xml(root)


def _table_style(lk: Look) -> Any:
    border = {"val": "single", "sz": "6", "space": "0", "color": lk.border}
    borders = el(
        "w:tblBorders",
        None,
        *(
            el(f"w:{side}", border)
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        ),
    )
    header = el(
        "w:tblStylePr",
        {"type": "firstRow"},
        el("w:rPr", None, el("w:b"), el("w:bCs")),
        el("w:tcPr", None, el("w:shd", {"val": "clear", "color": "auto", "fill": lk.surface})),
    )
    return _style(
        "table",
        "PublisherTable",
        "Publisher Table",
        based_on="TableNormal",
        priority=59,
        ppr=_ppr(after=0, line=276),
        extra=(
            el(
                "w:tblPr",
                None,
                borders,
                el(
                    "w:tblCellMar",
                    None,
                    el("w:top", {"w": "57", "type": "dxa"}),
                    el("w:left", {"w": "108", "type": "dxa"}),
                    el("w:bottom", {"w": "57", "type": "dxa"}),
                    el("w:right", {"w": "108", "type": "dxa"}),
                ),
            ),
            header,
        ),
    )


def settings_xml(lk: Look, embed_fonts: bool) -> bytes:
    """``word/settings.xml``: Word 2013+ layout, the document's language, footnotes."""
    root = el("w:settings")
    if embed_fonts:
        root.append(el("w:embedTrueTypeFonts"))
    root.append(el("w:defaultTabStop", {"val": "567"}))
    root.append(el("w:autoHyphenation", {"val": "false"}))
    root.append(el("w:characterSpacingControl", {"val": "doNotCompress"}))
    root.append(
        el(
            "w:footnotePr",
            None,
            el("w:footnote", {"id": "-1"}),
            el("w:footnote", {"id": "0"}),
        )
    )
    root.append(
        el(
            "w:compat",
            None,
            el(
                "w:compatSetting",
                {
                    "name": "compatibilityMode",
                    "uri": "http://schemas.microsoft.com/office/word",
                    "val": "15",
                },
            ),
        )
    )
    root.append(el("w:themeFontLang", {"val": lk.lang}))
    root.append(el("w:decimalSymbol", {"val": ","}))
    root.append(el("w:listSeparator", {"val": ";"}))
    return _xml(root)


def font_table_xml(lk: Look, embedded: dict[str, tuple[str, str]]) -> bytes:
    """``word/fontTable.xml``; ``embedded`` maps w:embedRegular/... to (r:id, key)."""
    font = el(
        "w:font",
        {"name": lk.font},
        el("w:charset", {"val": "00"}),
        el("w:family", {"val": "swiss"}),
        el("w:pitch", {"val": "variable"}),
    )
    for kind, (rid, key) in embedded.items():
        font.append(el(f"w:{kind}", {"r:id": rid, "fontKey": key}))
    mono = el(
        "w:font",
        {"name": MONO},
        el("w:charset", {"val": "00"}),
        el("w:family", {"val": "modern"}),
        el("w:pitch", {"val": "fixed"}),
    )
    return _xml(el("w:fonts", None, font, mono))


def _xml(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


__all__ = ["Look", "W", "font_table_xml", "look", "settings_xml", "styles_xml"]
