"""The writing coach of `publisher serve`: beside the preview, per variant, the
readability figures against the targets and every finding marked in the rendered page;
and the standard and plain text side by side. Everything is rendered in memory for the
preview; nothing of it reaches a built file."""
