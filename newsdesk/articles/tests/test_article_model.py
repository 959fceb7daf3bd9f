"""What an article knows about itself: its section, when it last changed, its tag names."""

from django.test import TestCase

from newsdesk.articles.models import ArticlePage
from newsdesk.testing import make_article, make_section, minutes_ago


class ArticleModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = make_section("World")
        cls.business = make_section("Business")
        cls.first = make_article(cls.world, "First", tags=["Trade", "China"], published_at=minutes_ago(60))
        cls.second = make_article(cls.business, "Second", published_at=minutes_ago(30), updated_at=minutes_ago(5))

    def test_section_is_the_parent_section(self):
        self.assertEqual(ArticlePage.objects.get(pk=self.first.pk).section, self.world)

    def test_sections_for_a_list_come_in_one_query(self):
        articles = list(ArticlePage.objects.order_by("pk"))
        with self.assertNumQueries(1):
            ArticlePage.attach_sections(articles)
            self.assertEqual([a.section for a in articles], [self.world, self.business])

    def test_modified_at_is_the_stated_update_else_the_last_publication(self):
        self.assertEqual(self.second.modified_at, self.second.updated_at)
        self.assertEqual(self.first.modified_at, self.first.last_published_at)

    def test_tag_names(self):
        self.assertEqual(sorted(ArticlePage.objects.get(pk=self.first.pk).tag_names), ["China", "Trade"])
