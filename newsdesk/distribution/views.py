"""Feeds, sitemaps and robots.txt: each a thin view over its hook classes, answering conditional GETs."""

import io

from django.core.paginator import EmptyPage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from newsdesk.distribution import published, sitemaps
from newsdesk.distribution.conditional import listing_fingerprint, respond
from newsdesk.distribution.feeds import FEED_SIZE, FEEDS
from newsdesk.distribution.links import absolute, publication

SCOPES = {
    "section": published.section_scope,
    "author": published.author_scope,
    "tag": published.tag_scope,
    "entity": published.entity_scope,
}


def feed(request, fmt, scope_kind="site", slug=None):
    if scope_kind == "site":
        site = publication(request)
        scope = published.site_scope(site.name, site.about or site.tagline)
    else:
        scope = SCOPES[scope_kind](slug)
        if scope.slug != slug:  # an entity's former slug, after a rename or a merge
            return redirect(scope.feed_path(fmt), permanent=True)
    listed = list(scope.articles.values_list("pk", "url_path", "last_published_at", "updated_at")[:FEED_SIZE])
    if scope.kind == "tag" and not listed:
        raise Http404("No published article carries this tag.")  # its name alone would reveal hidden work
    fingerprint = listing_fingerprint(listed, [stamp for row in listed for stamp in row[2:]])
    return respond(request, fingerprint, lambda: FEEDS[fmt]()(request, scope))


def sitemap_index(request):
    sections = [section_class(request) for section_class in sitemaps.SECTIONS.values()]
    latest = [(section, section.latest_lastmod()) for section in sections]
    news_latest = sitemaps.ArticleSitemap(request).latest_lastmod()
    page_counts = [section.paginator.num_pages for section in sections]
    fingerprint = listing_fingerprint(page_counts, [stamp for _, stamp in latest])

    def render():
        entries = [
            (absolute(request, section.path(number)), lastmod)
            for section, lastmod in latest
            for number in section.paginator.page_range
        ]
        entries.append((absolute(request, reverse("distribution:news_sitemap")), news_latest))
        return _xml(sitemaps.write_index, entries)

    return respond(request, fingerprint, render)


def sitemap_page(request, section, page):
    section_class = sitemaps.SECTIONS.get(section)
    if section_class is None:
        raise Http404("No such sitemap.")
    sitemap = section_class(request)
    try:
        entries = sitemap.entries(page)
    except EmptyPage:
        raise Http404("No such sitemap page.") from None
    fingerprint = listing_fingerprint(entries, [entry["lastmod"] for entry in entries])
    return respond(request, fingerprint, lambda: _xml(sitemaps.write_urlset, entries))


def news_sitemap(request):
    articles = list(sitemaps.news_articles())
    listed = [(article.pk, article.url_path, article.title, article.last_published_at) for article in articles]
    fingerprint = listing_fingerprint(listed, [article.last_published_at for article in articles])
    return respond(request, fingerprint, lambda: _xml(sitemaps.write_news, request, articles))


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {absolute(request, reverse('distribution:sitemap_index'))}",
        f"Sitemap: {absolute(request, reverse('distribution:news_sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _xml(writer, *args) -> HttpResponse:
    # Written to memory first: one write to the response instead of one per element.
    buffer = io.StringIO()
    writer(buffer, *args)
    return HttpResponse(buffer.getvalue(), content_type="application/xml; charset=utf-8")
