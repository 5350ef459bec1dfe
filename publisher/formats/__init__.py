"""One renderer per output format: ``render(job, needs) -> Product``.

The formats themselves are declared in :mod:`publisher.catalog`; the modules here
turn one variant of one article into files: ``html`` (web page), ``embed``
(fragment for partner sites), ``pdf`` (handout) and ``epub`` (e-book), with what
they share in ``context`` (template context), ``addresses`` (file names and URLs)
and ``assets`` (images, fonts, links to the other versions).
"""
