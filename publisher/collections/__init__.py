"""Collections: several articles published together (a news bundle, a meeting pack).

``declaration`` reads and checks a collection file (front matter like an article's,
its text is the introduction), ``select`` picks its articles from the records of the
article builds, ``job`` is the immutable input of one variant of a collection.
The formats that render a collection are in ``publisher.formats.collection``; the
build stage is ``publisher.build.collections``.
"""
