"""Front matter YAML, read with bounds: no aliases, limited nesting, no giant numbers,
no impossible dates, no key given twice. Every refusal is a :class:`FrontMatterError`
with the line it is on, never a ``ValueError`` or ``RecursionError`` from deep inside
PyYAML."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from publisher.reading.limits import MAX_FRONT_MATTER_CHARS, MAX_NUMBER_DIGITS, MAX_YAML_DEPTH


class FrontMatterError(Exception):
    """Why the front matter cannot be read; ``line`` is 0-based within the YAML."""

    def __init__(self, message: str, line: int | None = None, first: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.first = first
        """For a key given twice: the 0-based line of its first occurrence."""


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with limits on what the composer and constructor accept."""

    depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError(
                f"YAML aliases (*{event.anchor}) are not allowed in front matter; "
                "write the value out",
                event.start_mark.line if event.start_mark else None,
            )
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH + 1:  # + the document's own mapping
                raise FrontMatterError(
                    f"front matter nests deeper than {MAX_YAML_DEPTH} levels",
                    event.start_mark.line,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_int(self, node: ScalarNode) -> int:
        digits = sum(char.isdigit() for char in str(node.value))
        if digits > MAX_NUMBER_DIGITS:
            raise FrontMatterError(
                f"a number of {digits} digits; the limit is {MAX_NUMBER_DIGITS}",
                node.start_mark.line,
            )
        value: int = super().construct_yaml_int(node)
        return value

    def construct_yaml_float(self, node: ScalarNode) -> float:
        if len(str(node.value)) > MAX_NUMBER_DIGITS + 10:
            raise FrontMatterError(
                f"a number of {len(str(node.value))} characters; the limit is "
                f"{MAX_NUMBER_DIGITS} digits",
                node.start_mark.line,
            )
        value: float = super().construct_yaml_float(node)
        return value

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise FrontMatterError(
                f"'{node.value}' is not a real date or time ({exc}); write it as YYYY-MM-DD",
                node.start_mark.line,
            ) from None

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[object, int] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, ScalarNode):
                key = (key_node.tag, key_node.value)
                line = key_node.start_mark.line
                if key in seen:
                    raise FrontMatterError(
                        f"'{key_node.value}' is given twice", line, first=seen[key]
                    )
                seen[key] = line
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


_BoundedLoader.add_constructor("tag:yaml.org,2002:int", _BoundedLoader.construct_yaml_int)
_BoundedLoader.add_constructor("tag:yaml.org,2002:float", _BoundedLoader.construct_yaml_float)
_BoundedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp
)


def load_front_matter(text: str) -> tuple[Any, dict[str, int]]:
    """The front matter's data, and the 0-based line of each top-level key.
    Raises :class:`FrontMatterError`."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(
            f"the front matter has {len(text):,} characters; the limit is "
            f"{MAX_FRONT_MATTER_CHARS:,}",
            0,
        )
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[str, int] = {}
        if isinstance(node, MappingNode):
            for key, _value in node.value:
                if isinstance(key, ScalarNode):
                    lines.setdefault(str(key.value), key.start_mark.line)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise FrontMatterError(
            f"front matter is not valid YAML: {exc.problem or exc.context or 'unreadable'}",
            mark.line if mark is not None else None,
        ) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {exc}") from None
    except RecursionError:
        raise FrontMatterError(f"front matter nests deeper than {MAX_YAML_DEPTH} levels") from None
    finally:
        loader.dispose()
