from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from newsdesk.testing import make_article, make_author, make_image, make_section, minutes_ago, rich_body

# With no fragment kept (core/fragments.py). Raise it only with a reason: every cold page view pays it.
# 27: Recent is its own fragment, shared by every article page, so its thumbnails' renditions come in a query
# of their own; In this story (the article's entity links) and Related (its rows with their teasers) cost one each.
ARTICLE_PAGE_QUERIES = 27


class ArticlePageQueryCountTests(TestCase):
    """An article costs the same number of queries whether it has one or ten of everything."""

    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Business")

    def build(self, n: int, offset: int):
        authors = [make_author(f"Writer {offset + i}", photo=make_image(width=120, height=120)) for i in range(n)]
        targets = [
            make_article(
                self.section, hero_image=make_image(width=320, height=180), published_at=minutes_ago(offset + i)
            )
            for i in range(n)
        ]
        images = [make_image(width=320, height=180) for _ in range(n)]
        return make_article(
            self.section,
            authors=authors,
            tags=[f"tag-{offset + i}" for i in range(n)],
            hero_image=make_image(width=320, height=180),
            body=rich_body(images=images, also_see=targets),
            published_at=minutes_ago(offset - 1),
        )

    def count_queries(self, article) -> int:
        self.client.get(article.url)  # first view makes the renditions; later views only read them
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(article.url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_it_renders_in_the_same_number_of_queries_with_one_or_ten_of_everything(self):
        small = self.build(1, offset=1000)  # one byline, tag, Also See, body image; one recent item
        small_count = self.count_queries(small)
        big = self.build(10, offset=100)  # ten of each; Recent is full (five items)
        big_count = self.count_queries(big)
        self.assertEqual(small_count, big_count)
        self.assertEqual(big_count, ARTICLE_PAGE_QUERIES)
