"""publisher: one Markdown article in, accessible publications out."""

__version__ = "0.1.0"
