"""Reading the source: find articles, read a file, check its front matter, parse its
Markdown once, check its images; the result is the document model (``model``)."""
