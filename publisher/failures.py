"""The one error path: any exception while an article is read, rendered or written
becomes one :class:`~publisher.errors.Problem` naming the article, so the author gets
``error: file[:line]: message`` and the other articles are still built.

- :class:`~publisher.errors.PublisherError`: already the author's problems.
- The file system (``OSError``: disk full, name too long, no permission, ...): what
  could not be read or written, and why, in the system's words.
- Memory, or nesting deeper than Python's recursion limit: said as such.
- An exception raised inside a library that reads or writes a format (WeasyPrint,
  ebooklib, lxml, Pillow, fontTools, ...): that library could not handle this input;
  its message is passed on.
- Anything else is a bug in publisher: "internal error", with the traceback when
  ``--debug`` is on (``PUBLISHER_DEBUG=1``, which worker processes inherit).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from publisher.errors import Problem, PublisherError

LIBRARIES = {
    "weasyprint": "the PDF library (WeasyPrint)",
    "pydyf": "the PDF library (pydyf)",
    "fontTools": "the font library (fontTools)",
    "tinycss2": "the CSS parser (tinycss2)",
    "cssselect2": "the CSS selector library (cssselect2)",
    "tinyhtml5": "the HTML parser (tinyhtml5)",
    "html5lib": "the HTML parser (html5lib)",
    "ebooklib": "the EPUB library (ebooklib)",
    "lxml": "the XML library (lxml)",
    "PIL": "the image library (Pillow)",
    "yaml": "the YAML parser",
    "markdown_it": "the Markdown parser",
    "mdit_py_plugins": "the Markdown parser",
    "linkify_it": "the link finder (linkify-it)",
    "pysbd": "the sentence splitter (pysbd)",
    "pyphen": "the hyphenation library (pyphen)",
    "babel": "the date formatter (babel)",
    "langcodes": "the language-tag library (langcodes)",
    "segno": "the QR-code library (segno)",
    "zipfile": "the ZIP writer",
    "docx": "the Word library (python-docx)",
    "nh3": "the HTML sanitiser (nh3)",
    "mutagen": "the audio tag library (mutagen)",
    "piper": "the speech synthesiser (piper)",
    "jinja2": "the template engine (Jinja2)",
    "markupsafe": "the template engine (Jinja2)",
}
"""Top-level modules whose exceptions mean "this library could not handle this input"."""

DEBUG_VARIABLE = "PUBLISHER_DEBUG"


def debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE) == "1"


def problem_for(error: BaseException, article: Path | None) -> list[Problem]:
    """What to tell the author about ``error``, raised while handling ``article``."""
    if isinstance(error, PublisherError):
        return error.problems
    if isinstance(error, OSError):
        return [Problem(article, _os_message(error))]
    if isinstance(error, MemoryError):
        return [Problem(article, "ran out of memory while building this article")]
    if isinstance(error, RecursionError):
        return [Problem(article, "this article nests too deeply to be rendered")]
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(error, BrokenProcessPool):
        return [
            Problem(
                article,
                "the process building this article died (out of memory or killed); "
                "the article's outputs were not changed",
            )
        ]
    library = _library(error)
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    kind = type(error).__name__
    if library is not None:
        return [Problem(article, f"{library} could not handle it: {kind}: {message}"[:500])]
    if debugging():
        traceback.print_exception(error, file=sys.stderr)
    return [
        Problem(
            article,
            f"internal error ({kind}: {message[:200]}); run with --debug for the traceback "
            "and please report it",
        )
    ]


def _os_message(error: OSError) -> str:
    reason = error.strerror or str(error) or type(error).__name__
    name = error.filename
    if name is None:
        library = _library(error)
        where = f" in {library}" if library else ""
        return f"a file could not be read or written{where}: {reason}"
    verb = "cannot write" if _is_output(error) else "cannot use"
    return f"{verb} {name}: {reason}"


def _is_output(error: OSError) -> bool:
    import errno

    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG)


def _library(error: BaseException) -> str | None:
    """The library the exception was raised in: its innermost frame outside publisher
    and the standard library's plumbing, if that frame is in a known library; else the
    library that defines the exception's class."""
    frames = traceback.extract_tb(error.__traceback__)
    for frame in reversed(frames):
        module = _module_of(frame.filename)
        if module is None:
            continue
        if module == "publisher":
            break
        if module in LIBRARIES:
            return LIBRARIES[module]
    # Compiled libraries (lxml, Pillow's decoders) leave no frame of their own: the
    # exception's class says whose it is.
    return LIBRARIES.get(type(error).__module__.split(".")[0])


def _module_of(filename: str) -> str | None:
    """The top-level package a source file belongs to (``weasyprint``, ``publisher``),
    or None for the standard library and unknown places."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            rest = parts[parts.index(marker) + 1 :]
            return rest[0].removesuffix(".py") if rest else None
    here = Path(__file__).resolve().parent
    try:
        Path(filename).resolve().relative_to(here)
    except ValueError:
        pass
    else:
        return "publisher"
    name = Path(filename).stem
    return "zipfile" if name == "zipfile" or "zipfile" in parts else None
