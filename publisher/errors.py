"""The one error family of publisher.

Everything that is the user's fault (bad input, unknown theme, ...) is raised as a
:class:`PublisherError`. The CLI is the only place that turns it into a message and
an exit code; anything else is a bug and shows a traceback with ``--debug``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
"""Characters that a terminal acts on or hides: control characters (the escape that
starts a terminal sequence among them), line separators, bidirectional controls,
zero-width characters and lone surrogates."""


def visible(text: str) -> str:
    """``text`` on one line, with every :data:`INVISIBLE_RE` character written as an
    escape (``\\x1b``, ``\\u202e``): a message can name what article text contains
    without the terminal acting on it."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return INVISIBLE_RE.sub(escape, text)


@dataclass(frozen=True)
class Problem:
    """One finding about an input: where it is and what is wrong."""

    path: Path | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        """One line, ``file[:line]: message``, with invisible characters made visible."""
        if self.path is None:
            return visible(self.message)
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        return visible(f"{where}: {self.message}")


class PublisherError(Exception):
    """One or more problems that stop a build; each is one line for the user."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[PublisherError], tuple[list[Problem]]]:
        return (type(self), (self.problems,))  # survives a process pool

    @classmethod
    def at(cls, path: Path | None, message: str, line: int | None = None) -> PublisherError:
        return cls(Problem(path, message, line))


class UsageError(PublisherError):
    """The command line itself is wrong (exit code 2)."""


@dataclass
class Report:
    """Warnings and errors collected while reading one article."""

    path: Path
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False)

    def error(self, message: str, line: int | None = None) -> None:
        self.errors.append(Problem(self.path, message, line))

    def warn(self, message: str, line: int | None = None) -> None:
        problem = Problem(self.path, message, line)
        if problem not in self._seen:  # one line per problem, however often it occurs
            self._seen.add(problem)
            self.warnings.append(problem)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise PublisherError(sorted(self.errors, key=lambda p: p.line or 0))
