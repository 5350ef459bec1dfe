"""SVG images, rebuilt from an allow-list: what is published is never the author's
file but a new SVG with only drawing elements and attributes.

The file is parsed by lxml with entity expansion, DTD loading and network access
off (a declared entity is refused). Every element outside the allow-list (scripts,
``foreignObject``, elements of other namespaces, however they are prefixed) is left
out with its content; every attribute outside the allow-list (event handlers,
``style``, links other than to the image's own ``#id`` or an embedded raster image)
is dropped. ``style`` attributes and ``<style>`` elements keep only drawing
properties whose values load nothing (no ``url()`` but ``url(#id)``, no ``@import``).

Complexity is bounded before anything renders it: elements, nesting, and what the
image draws once every ``<use>`` (and ``url(#id)`` reference) is expanded, so a few
``<use>`` that each repeat the one before cannot make a renderer draw billions of
shapes. Reference cycles are refused.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from publisher.reading.limits import (
    MAX_SVG_DEPTH,
    MAX_SVG_ELEMENTS,
    MAX_SVG_RENDERED,
    MAX_SVG_SIZE,
)


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

FILTER_PRIMITIVES = _names(
    "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix "
    "feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA "
    "feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset "
    "fePointLight feSpecularLighting feSpotLight feTile feTurbulence"
)
ELEMENTS = (
    _names(
        "svg g defs symbol use title desc switch path rect circle ellipse line polyline "
        "polygon text tspan textPath linearGradient radialGradient stop pattern clipPath "
        "mask marker filter image style"
    )
    | FILTER_PRIMITIVES
)
UNWRAPPED = frozenset(("a",))
"""Elements that become a plain group: a link inside an image goes nowhere."""

PRESENTATION = _names(
    "alignment-baseline baseline-shift clip-path clip-rule color color-interpolation "
    "color-interpolation-filters direction display dominant-baseline fill fill-opacity "
    "fill-rule filter flood-color flood-opacity font-family font-size font-size-adjust "
    "font-stretch font-style font-variant font-weight image-rendering isolation "
    "letter-spacing lighting-color marker-end marker-mid marker-start mask "
    "mix-blend-mode opacity overflow paint-order shape-rendering stop-color "
    "stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap "
    "stroke-linejoin stroke-miterlimit stroke-opacity stroke-width text-anchor "
    "text-decoration text-rendering transform transform-origin unicode-bidi "
    "vector-effect visibility word-spacing writing-mode"
)
"""Attributes that are also CSS properties: allowed as attributes, in ``style`` and
in ``<style>``."""

ATTRIBUTES = PRESENTATION | _names(
    "id class x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points viewBox "
    "preserveAspectRatio pathLength offset gradientUnits gradientTransform "
    "spreadMethod patternUnits patternContentUnits patternTransform clipPathUnits "
    "maskUnits maskContentUnits markerUnits markerWidth markerHeight refX refY "
    "orient dx dy rotate textLength lengthAdjust startOffset method spacing side "
    "filterUnits primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 "
    "values type tableValues slope intercept amplitude exponent baseFrequency "
    "numOctaves seed stitchTiles radius scale xChannelSelector yChannelSelector "
    "kernelMatrix order divisor bias targetX targetY edgeMode preserveAlpha "
    "surfaceScale specularConstant specularExponent diffuseConstant "
    "kernelUnitLength azimuth elevation pointsAtX pointsAtY pointsAtZ "
    "limitingConeAngle z version role aria-label aria-labelledby aria-describedby "
    "aria-hidden focusable lang media href"
)
XML_ATTRIBUTES = frozenset((f"{{{XML_NS}}}space", f"{{{XML_NS}}}lang"))
URL_RE = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
RASTER_DATA_RE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$")
NUMBER_RE = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(px)?\s*$")


class SvgProblem(Exception):
    """Why an SVG cannot be used; the image reader names the file."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
    )


def clean_svg(
    data: bytes, raster: Callable[[bytes], object]
) -> tuple[bytes, tuple[float, float] | None]:
    """The allowed part of an SVG as a new document, and its size from ``viewBox`` or
    ``width``/``height`` (None when it has neither). ``raster`` checks each raster
    image embedded in it (its pixel count). Raises :class:`SvgProblem`."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise SvgProblem(f"is not well-formed XML ({exc})") from None
    tree = root.getroottree()
    dtd: Any = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SvgProblem("declares XML entities (<!ENTITY>); save it without them")
    if any(isinstance(node, etree._Entity) for node in root.iter()):
        raise SvgProblem("uses XML entities; save it without them")
    if _local(root) != "svg" or _namespace(root) not in (SVG_NS, None):
        raise SvgProblem("is not an SVG document (its root element is not <svg>)")
    count = sum(1 for _ in root.iter())
    if count > MAX_SVG_ELEMENTS:
        raise SvgProblem(f"has {count:,} elements; the limit is {MAX_SVG_ELEMENTS:,}")
    clean = _rebuild(root, None, 0, raster)
    _check_references(clean)
    size = _size(clean)
    text: bytes = etree.tostring(clean, encoding="utf-8")
    return text, size


def _local(element: Any) -> str:
    return str(etree.QName(element).localname)


def _namespace(element: Any) -> str | None:
    namespace = etree.QName(element).namespace
    return str(namespace) if namespace else None


def _rebuild(element: Any, parent: Any, depth: int, raster: Callable[[bytes], object]) -> Any:
    """A copy of ``element`` in the SVG namespace, under ``parent`` (None for the root),
    with only what is allowed."""
    if depth > MAX_SVG_DEPTH:
        raise SvgProblem(f"nests elements deeper than {MAX_SVG_DEPTH} levels")
    name = _local(element)
    tag = f"{{{SVG_NS}}}{'g' if name in UNWRAPPED else name}"
    if parent is None:
        copy = etree.Element(tag, nsmap={None: SVG_NS, "xlink": XLINK_NS})  # type: ignore[dict-item]
    else:
        copy = etree.SubElement(parent, tag)
    for attribute, value in element.attrib.items():
        kept = _attribute(name, attribute, value)
        if kept is not None:
            copy.set(*kept)
    style = element.get("style")
    if style is not None:  # a style attribute wins over presentation attributes
        for property_name, property_value in clean_declarations(style):
            copy.set(property_name, property_value)
    href = copy.get(f"{{{XLINK_NS}}}href", "")
    if name == "image" and not href:  # its source was not allowed: it draws nothing
        if parent is not None:
            parent.remove(copy)
        return copy
    if name == "image" and href.startswith("data:"):
        import base64

        raster(base64.b64decode(href.split(",", 1)[1]))
    if name == "style":
        copy.text = clean_stylesheet(element.text or "")
        return copy
    copy.text = element.text
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            continue
        child_name = _local(child)
        if _namespace(child) in (SVG_NS, None) and (
            child_name in ELEMENTS or child_name in UNWRAPPED
        ):
            _rebuild(child, copy, depth + 1, raster).tail = child.tail
        elif child.tail:  # left out; the text after it stays
            _append_text(copy, child.tail)
    return copy


def _append_text(parent: Any, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _attribute(element: str, attribute: str, value: str) -> tuple[str, str] | None:
    """The attribute as it is kept (name in the new document, value), or None."""
    qname = etree.QName(attribute)
    namespace: str | None = qname.namespace
    name = qname.localname
    if attribute in XML_ATTRIBUTES:
        return attribute, value
    if namespace == XLINK_NS and name == "href":
        namespace = None
    if namespace is not None or name not in ATTRIBUTES or name.lower().startswith("on"):
        return None
    if name == "href":
        if value.strip().startswith("#") and element != "image":
            return f"{{{XLINK_NS}}}href", value.strip()
        if element == "image" and RASTER_DATA_RE.match(value.strip()):
            return f"{{{XLINK_NS}}}href", value.strip()
        return None
    if "url(" in value.lower() and not all(
        target.strip().startswith("#") for _quote, target in URL_RE.findall(value)
    ):
        return None
    if name in PRESENTATION and not safe_css_value(value):
        return None
    return name, value


def safe_css_value(value: str) -> bool:
    """A property value that loads nothing and runs nothing."""
    lowered = value.lower()
    if any(word in lowered for word in ("expression", "javascript:", "\\", "@import", "<")):
        return False
    return all(target.strip().startswith("#") for _quote, target in URL_RE.findall(value)) and (
        lowered.count("url(") == len(URL_RE.findall(value))
    )


def clean_declarations(text: str) -> list[tuple[str, str]]:
    """A ``style`` attribute's or a rule's declarations: only drawing properties, with
    values that load nothing."""
    import tinycss2

    kept = []
    for declaration in tinycss2.parse_declaration_list(
        text, skip_comments=True, skip_whitespace=True
    ):
        if declaration.type != "declaration":
            continue
        name = declaration.lower_name
        value = tinycss2.serialize(declaration.value).strip()
        if name in PRESENTATION and value and safe_css_value(value):
            kept.append((name, value))
    return kept


SELECTOR_RE = re.compile(r"^[\w\s.#,>+~:*()\-\[\]=\"'|^$]*$")


def clean_stylesheet(text: str) -> str:
    """A ``<style>`` element's rules with only drawing properties; at-rules
    (``@import``, ``@font-face``, ...) are left out."""
    import tinycss2

    rules = []
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        if not SELECTOR_RE.match(selector) or "<" in selector:
            continue
        body = "; ".join(
            f"{n}: {v}" for n, v in clean_declarations(tinycss2.serialize(rule.content))
        )
        if body:
            rules.append(f"{selector} {{ {body} }}")
    return "\n".join(rules)


def _check_references(root: Any) -> None:
    """Refuse reference cycles and an image that draws more than the limits allow
    once every reference is expanded."""
    ids = {element.get("id"): element for element in root.iter() if element.get("id")}
    # Keyed by the elements themselves: holding them keeps lxml's proxies (and their
    # identity) alive while the walk lasts.
    drawn: dict[Any, int] = {}
    active: set[Any] = set()

    def references(element: Any) -> list[Any]:
        found = []
        href = element.get(f"{{{XLINK_NS}}}href")
        if href and href.startswith("#"):
            target = ids.get(href[1:])
            if target is not None:
                found.append(target)
        for value in element.attrib.values():
            if "url(" in value:
                for _quote, target in URL_RE.findall(value):
                    if target.strip()[1:] in ids:
                        found.append(ids[target.strip()[1:]])
        return found

    def cost(element: Any, depth: int) -> int:
        key = element
        if key in drawn:
            return drawn[key]
        if key in active:
            raise SvgProblem("has elements that refer to themselves (a <use> or url(#) cycle)")
        if depth > MAX_SVG_DEPTH:
            raise SvgProblem(f"nests <use> references deeper than {MAX_SVG_DEPTH} levels")
        active.add(key)
        total = 1
        for child in element:
            total += cost(child, depth + 1)
        for target in references(element):
            total += cost(target, depth + 1)
        if total > MAX_SVG_RENDERED:
            raise SvgProblem(
                f"draws more than {MAX_SVG_RENDERED:,} elements once its <use> references "
                "are expanded"
            )
        active.discard(key)
        drawn[key] = total
        return total

    cost(root, 0)


def _number(value: str | None) -> float | None:
    match = NUMBER_RE.match(value or "")
    return float(match.group(1)) if match else None


def _size(root: Any) -> tuple[float, float] | None:
    """Width and height: from ``viewBox``, else from numeric ``width``/``height``.
    Sizes that are not finite, not positive or absurdly large are refused."""
    box = root.get("viewBox")
    if box is not None:
        parts = box.replace(",", " ").split()
        try:
            numbers = [float(part) for part in parts]
        except ValueError:
            numbers = []
        if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
            raise SvgProblem(f"has viewBox='{box[:40]}'; it must be four finite numbers")
        width, height = numbers[2], numbers[3]
    else:
        width_value, height_value = _number(root.get("width")), _number(root.get("height"))
        if width_value is None or height_value is None:
            return None
        width, height = width_value, height_value
    if not (0 < width <= MAX_SVG_SIZE and 0 < height <= MAX_SVG_SIZE) or not (
        math.isfinite(width) and math.isfinite(height)
    ):
        raise SvgProblem(
            f"is {width:g} × {height:g} units; each must be above 0 and at most {MAX_SVG_SIZE:g}"
        )
    return width, height
