"""An embargoed article leaves no trace on any public channel.

The crawl walks every URL pattern of the site (outside the admin), so a channel added later is
requested too; a pattern whose parameters this test cannot fill fails the test until it is taught
how, so no channel escapes the rule by being new.
"""

import re
from datetime import timedelta

from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.testing import DeskPersonas, make_article

SECRET_TITLE = "Zebracorn merger agreed"
SECRET_STANDFIRST = "Confidential terms of the zebracorn deal"
SECRET_REWRITE = "Quagmirex chief resigns"
PRIVATE_PREFIXES = ("admin/", "documents/", "media/", "static/", "django-tasks/")


def public_routes(patterns=None, prefix=""):
    """(route, parameter names) for every URL pattern outside the admin and uploads."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(PRIVATE_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from public_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, list(entry.pattern.converters) or _regex_groups(entry)


def _regex_groups(entry):
    regex = entry.pattern.regex
    named = list(regex.groupindex)
    # Wagtail's page-serving pattern captures the page path in an unnamed group.
    return named or (["path"] if regex.groups else [])


def _replace_first_group(route, value):
    start, depth = route.index("("), 0
    for end in range(start, len(route)):
        depth += {"(": 1, ")": -1}.get(route[end], 0)
        if depth == 0:
            return route[:start] + value + route[end + 1 :]
    raise ValueError(f"Unbalanced group in {route!r}")


class EmbargoTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.go_live = timezone.now() + timedelta(days=1)
        cls.visible = make_article(cls.business, "Markets open calmly", authors=[cls.author], tags=["markets"])
        cls.embargoed = cls.article_by(
            cls.editor,
            cls.business,
            title=SECRET_TITLE,
            standfirst=SECRET_STANDFIRST,
            slug="zebracorn-merger",
            go_live_at=cls.go_live,
            teaser=SECRET_STANDFIRST,
        )
        cls.embargoed.tags.add("markets")
        cls.embargoed.save_revision(user=cls.editor).publish(user=cls.editor)
        # A live article pointing at it, and a live article whose next version is embargoed.
        cls.pointer = make_article(
            cls.business,
            "Also read this",
            authors=[cls.author],
            body=[("also_see", {"article": cls.embargoed, "label": "Also see"})],
        )
        cls.rewritten = make_article(cls.technology, "Gadget maker steady", authors=[cls.author])
        cls.rewritten.title = SECRET_REWRITE
        cls.rewritten.go_live_at = cls.go_live
        cls.rewritten.save_revision(user=cls.chief).publish(user=cls.chief)

    def fill(self, route, params):
        """Concrete URLs for a route, with every parameter filled from the fixture."""
        values = {
            "slug": ["markets", self.author.slug, "zebracorn-merger", "business", "technology"],
            "path": [p.url.lstrip("/") for p in Page.objects.live().specific() if p.url]
            + ["business/zebracorn-merger/"],
            "page_view_restriction_id": ["1"],
            "page_id": [str(self.embargoed.pk)],
            "pk": [str(self.embargoed.pk)],
            "id": [str(self.embargoed.pk)],
            # distribution: feed formats, sitemap sections and pages, read API ids
            "fmt": ["rss", "atom", "json"],
            "section": ["articles", "pages"],
            "page": ["1"],
            "article_id": [str(self.embargoed.pk), str(self.rewritten.pk)],
            "image_id": ["1"],
        }
        unknown = [p for p in params if p not in values]
        self.assertFalse(unknown, f"Teach the embargo test to fill {unknown} in the public route {route!r}.")
        urls = [route]
        for name in params:
            urls = [self._substitute(url, name, value) for url in urls for value in values[name]]
        return ["/" + url.lstrip("^").rstrip("$") for url in urls]

    @staticmethod
    def _substitute(route, name, value):
        if f"<{name}>" in route or f":{name}>" in route:
            return re.sub(rf"<(?:\w+:)?{name}>", value, route, count=1)
        return _replace_first_group(route, value)

    def crawl(self):
        urls = set()
        for route, params in public_routes():
            urls.update(self.fill(route, params))
        urls.update(
            {
                "/search/?q=zebracorn",
                "/search/?q=Quagmirex",
                "/?page=2",
                "/api/v1/articles/?tag=markets",
                "/api/v1/articles/?section=business",
                "/api/v1/articles/?q=zebracorn",
            }
        )
        return sorted(urls)

    def test_the_embargoed_url_is_not_found(self):
        self.assertFalse(ArticlePage.objects.get(pk=self.embargoed.pk).live)
        self.assertEqual(self.client.get("/business/zebracorn-merger/").status_code, 404)

    def test_no_public_channel_shows_an_embargoed_article_or_version(self):
        crawled = self.crawl()
        self.assertIn("/business/", crawled)
        self.assertIn("/tags/markets/", crawled)
        for url in crawled:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertLess(response.status_code, 500)
                body = b"".join(response) if response.streaming else response.content
                text = body.decode("utf-8", "replace").lower()
                for secret in (SECRET_TITLE, SECRET_STANDFIRST, SECRET_REWRITE, "zebracorn-merger"):
                    self.assertNotIn(secret.lower(), text, f"{url} leaks {secret!r}")

    def test_the_live_pages_still_show_their_published_version(self):
        self.assertContains(self.client.get(self.rewritten.url), "Gadget maker steady")
        self.assertContains(self.client.get("/tags/markets/"), "Markets open calmly")
