"""Building: one article (``article``), many (``batch``, with the incremental
``manifest``), the build record (``job``) and atomic writing (``outputs``)."""
