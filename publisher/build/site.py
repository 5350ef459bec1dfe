"""Building the site pages, after the articles and collections: ``index.html``,
``feed.xml``, ``sitemap.xml`` and ``index.json`` in the output folder, from the
records of the builds. Rebuilt only when a record, the site settings, the theme or
the options changed."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import asdict, replace

from publisher.build.manifest import load_manifest, save_manifest, shared_key, unchanged
from publisher.build.options import ArticleResult, BuildOptions
from publisher.build.outputs import Output, safe_join, write_atomic
from publisher.build.records import ArticleRecord
from publisher.errors import PublisherError
from publisher.site.model import Site, SiteOptions, newest_first

SITEMAP = "sitemap.xml"


def site_key(site: Site, options: BuildOptions) -> str:
    digest = hashlib.sha256()
    digest.update(shared_key(options).encode())
    settings = {k: v for k, v in asdict(options).items() if k not in ("out_dir", "project_dir")}
    digest.update(repr((settings, site.options, site.formats, site.variants)).encode())
    data = {
        "articles": [r.to_json() for r in site.articles],
        "collections": [[r.to_json(), list(s)] for r, s in site.collections],
    }
    digest.update(json.dumps(data, sort_keys=True).encode())
    return digest.hexdigest()


def build_site(
    articles: list[ArticleRecord],
    collections: list[tuple[ArticleRecord, tuple[str, ...]]],
    options: BuildOptions,
    site_options: SiteOptions,
    force: bool = False,
) -> ArticleResult:
    started = time.perf_counter()
    result = ArticleResult(options.project_dir / "index", slug="")
    newest = sorted(collections, key=lambda c: (c[0].date, c[0].slug), reverse=True)
    site = Site(
        site_options,
        tuple(newest_first(articles)),
        tuple(newest),
        options.formats,
        options.variants,
    )
    result.key = site_key(site, options)
    manifest = load_manifest(options.out_dir)
    entry = manifest.get("site")
    if not force and entry and entry.get("key") == result.key and unchanged(entry, options.out_dir):
        result.files, result.skipped = entry["files"], True
        result.seconds = time.perf_counter() - started
        return result
    try:
        outputs = render_site(site, options)
    except PublisherError as error:
        result.errors = error.problems
        return result
    for output in outputs:
        write_atomic(safe_join(options.out_dir, output.path), output.data)
    if not any(o.path == SITEMAP for o in outputs):
        (options.out_dir / SITEMAP).unlink(missing_ok=True)
    result.files = {o.path: len(o.data) for o in outputs}
    manifest = load_manifest(options.out_dir)
    save_manifest(
        options.out_dir,
        {**manifest, "site": {"slug": "", "key": result.key, "files": result.files}},
    )
    result.seconds = time.perf_counter() - started
    return result


def render_site(site: Site, options: BuildOptions) -> list[Output]:
    from publisher.site.feed import feed
    from publisher.site.index import index_json, index_page, site_job
    from publisher.site.sitemap import sitemap

    strings = site_job(site, options).strings
    # Without settings: the organisation that publishes most of the articles.
    publishers = Counter(r.publisher for r in site.articles if r.publisher)
    organisation = site.options.author or (publishers.most_common(1)[0][0] if publishers else "")
    title = site.options.title or organisation or strings("all_publications")
    site = replace(site, options=replace(site.options, title=title, author=organisation))
    outputs = index_page(site, options)
    outputs.append(Output("feed.xml", feed(site, strings)))
    outputs.append(Output("index.json", index_json(site)))
    mapped = sitemap(site)
    if mapped is not None:
        outputs.append(Output(SITEMAP, mapped))
    return outputs
