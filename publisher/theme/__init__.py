"""The theme layer: theme folders and their ``extends`` chain, the Jinja2 environment
over it, interface strings, stylesheets and colour contrast. Built-in themes are in
``builtin/``; a project's own are in its ``themes/`` folder."""

from publisher.theme.resolve import (
    Theme,
    available_themes,
    builtin_themes,
    builtin_themes_dir,
    load_theme,
    search_path,
    themes_fingerprint,
)
from publisher.theme.strings import Strings

__all__ = [
    "Strings",
    "Theme",
    "available_themes",
    "builtin_themes",
    "builtin_themes_dir",
    "load_theme",
    "search_path",
    "themes_fingerprint",
]
