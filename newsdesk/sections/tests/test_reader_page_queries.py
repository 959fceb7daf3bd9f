"""How many SQL queries each kind of reader page costs, with and without kept fragments (core/fragments.py).

Three states a page-cache miss meets: nothing kept (the first reader after a deploy); the pieces
every page shares kept but not this page's own (a crawler reaching an article nobody read lately);
everything kept (the next miss of the same page, e.g. another worker or after the page cache's entry
expired). Raise a number only with a reason: every such page view pays it. "Nothing kept" includes the
process's memo (core/memo.py: the site, publication settings, private pages, where addresses lead),
which the other two states have.
"""

from unittest import mock

from django.core.cache import caches
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from newsdesk.core import memo
from newsdesk.testing import make_article, make_author, make_image, make_section, minutes_ago, rich_body

# page: (nothing kept, shared pieces kept, everything kept)
QUERIES = {
    # Two more than the listings' shape before topic hubs: In this story (the article's entity links) and the
    # Related list (its rows, then their teasers' pictures) when those fragments are not kept yet; one more
    # for the body, read only when its fragment is missing (a kept article never decodes it).
    "article": (26, 17, 1),
    "home": (13, 9, 7),
    "section": (11, 6, 5),
    "tag": (10, 6, 5),
    "author": (13, 9, 6),
}


@override_settings(NEWSDESK_FRAGMENT_CACHE=True, NEWSDESK_READER_MEMO=True)
class ReaderPageQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Renditions made on publish consult the rendition cache, keyed by image id: ids repeat after an earlier
        # test class rolled back, and its entries would say these images' renditions exist already.
        caches["default"].clear()
        cls.section = make_section("Business")
        cls.author = make_author("Amina Rahman", photo=make_image(width=300, height=300))
        cls.articles = [
            make_article(
                cls.section,
                f"Story {n}",
                authors=[cls.author],
                tags=["Markets"],
                hero_image=make_image(width=1600, height=900),
                body=rich_body(images=[make_image(width=1600, height=900)]),
                published_at=minutes_ago(n + 1),
            )
            for n in range(8)
        ]
        cls.urls = {
            "home": "/",
            "section": cls.section.url,
            "tag": "/tags/markets/",
            "author": f"/authors/{cls.author.slug}/",
        }

    def setUp(self):
        # Renditions are also kept in the default cache, keyed by image id, which repeats across tests.
        caches["default"].clear()
        caches["fragments"].clear()
        memo.clear()
        # One generation throughout: a purge committed by work still finishing from another test in this
        # process would otherwise retire the kept pieces mid-test. What is kept is set by the clears above.
        store = mock.patch("newsdesk.core.pagecache.stores.current_generation")
        store.start().return_value = 1
        self.addCleanup(store.stop)

    def count(self, url) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def test_an_article(self):
        nothing_kept = self.count(self.articles[0].url)
        shared_kept = self.count(self.articles[3].url)  # another article: header, footer, Recent kept
        everything_kept = self.count(self.articles[3].url)
        self.assertEqual((nothing_kept, shared_kept, everything_kept), QUERIES["article"])

    def test_listings(self):
        for name, url in self.urls.items():
            with self.subTest(name):
                caches["default"].clear()
                caches["fragments"].clear()
                self.count(self.articles[0].url)  # the shared pieces, kept by an article page
                shared_kept = self.count(url)
                everything_kept = self.count(url)
                caches["default"].clear()
                caches["fragments"].clear()
                memo.clear()
                nothing_kept = self.count(url)
                self.assertEqual((nothing_kept, shared_kept, everything_kept), QUERIES[name])
