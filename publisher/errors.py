"""The one error family of publisher.

Everything that is the user's fault (bad input, unknown theme, ...) is raised as a
:class:`PublisherError`. The CLI is the only place that turns it into a message and
an exit code; anything else is a bug and shows a traceback with ``--debug``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One finding about an input: where it is and what is wrong."""

    path: Path | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


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

    def error(self, message: str, line: int | None = None) -> None:
        self.errors.append(Problem(self.path, message, line))

    def warn(self, message: str, line: int | None = None) -> None:
        problem = Problem(self.path, message, line)
        if problem not in self.warnings:  # one line per problem, however often it occurs
            self.warnings.append(problem)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise PublisherError(sorted(self.errors, key=lambda p: p.line or 0))
