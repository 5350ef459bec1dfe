"""The build record of one variant of a collection: immutable, like an article's
:class:`~publisher.build.job.Job` (a collection renderer is
``render(collection_job, needs) -> Product``)."""

from __future__ import annotations

from dataclasses import dataclass

from publisher.build.job import Job
from publisher.build.options import Settings
from publisher.build.records import ArticleRecord
from publisher.catalog import Variant
from publisher.collections.model import Declaration
from publisher.theme import Strings, Theme


@dataclass(frozen=True)
class Chapter:
    """One article of the collection: its job in the collection's variant and theme,
    and its record (where its own outputs are, for links)."""

    job: Job
    record: ArticleRecord
    number: int

    @property
    def slug(self) -> str:
        return self.job.article.slug

    @property
    def lang(self) -> str:
        return self.job.article.meta.lang


@dataclass(frozen=True)
class CollectionJob:
    declaration: Declaration
    intro: Job
    """The collection's own text as a job: its title, language and date are the
    collection's, its body the introduction; variant, theme and settings too."""
    chapters: tuple[Chapter, ...]

    @property
    def variant(self) -> Variant:
        return self.intro.variant

    @property
    def theme(self) -> Theme:
        return self.intro.theme

    @property
    def strings(self) -> Strings:
        return self.intro.strings

    @property
    def settings(self) -> Settings:
        return self.intro.settings

    @property
    def slug(self) -> str:
        return self.declaration.slug

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language in it, the collection's own first."""
        found = [self.intro.article.meta.lang, *(c.lang for c in self.chapters)]
        return tuple(dict.fromkeys(found))
