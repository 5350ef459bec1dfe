"""The site: ``index.html`` (every article and collection as a card), ``feed.xml``
(Atom, an entry per article), ``sitemap.xml`` (with ``base_url``) and ``index.json``
for partner sites, all made from the records of the builds (``publisher.build.records``),
with stable dates and ids, so the same sources give the same bytes."""
