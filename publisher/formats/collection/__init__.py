"""A collection in each format: ``pdf`` (the meeting pack), ``epub`` (one e-book,
an article a chapter) and ``index`` (its web page with a card per article).
``chapters`` holds what they share: the chapters' bodies, the merged word list, the
cards and the template context of the collection itself."""
