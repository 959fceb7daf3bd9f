from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from newsdesk.articles.models import ArticlePage
from newsdesk.testing import make_article, make_author, make_editor, make_image, make_section, parse_html, text_of


class ArticlePublishThroughAdminTests(TestCase):
    """Publishing from the real Wagtail edit view refuses half-formed articles and keeps the draft."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_editor()
        cls.section = make_section("Technology")
        cls.author = make_author("Lena Park")
        cls.draft = make_article(cls.section, "A draft about chips", publish=False, authors=[cls.author])
        cls.draft_revision_id = cls.draft.latest_revision_id

    def setUp(self):
        self.client.force_login(self.editor)

    def form_data(self, *, standfirst="Chips are scarce.", authors=None, hero_image=None, action="action-publish"):
        authors = [self.author] if authors is None else authors
        data = nested_form_data(
            {
                "title": "A draft about chips",
                "slug": self.draft.slug,
                "standfirst": standfirst,
                "kind": "news",
                "dateline": "",
                "hero_image": hero_image.pk if hero_image else "",
                "hero_caption": "",
                "body": streamfield([]),
                "tags": "",
                "teaser": "",
                "bylines": inline_formset([{"author": author.pk} for author in authors]),
                "corrections": inline_formset([]),
                "comments": inline_formset([]),
            }
        )
        data[action] = "1"
        return data

    def publish(self, **kwargs):
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[self.draft.pk]), self.form_data(**kwargs))

    def error_text(self, response) -> str:
        self.assertEqual(response.status_code, 200)
        return text_of(parse_html(response))

    def assert_nothing_published(self):
        self.draft.refresh_from_db()
        self.assertFalse(self.draft.live)
        self.assertEqual(self.draft.latest_revision_id, self.draft_revision_id)
        self.assertFalse(ArticlePage.objects.live().filter(pk=self.draft.pk).exists())

    def test_it_refuses_to_publish_without_a_byline(self):
        text = self.error_text(self.publish(authors=[]))
        self.assertIn("Add at least one byline", text)
        self.assert_nothing_published()

    def test_it_refuses_to_publish_without_a_standfirst(self):
        text = self.error_text(self.publish(standfirst=""))
        self.assertIn("Write a standfirst", text)
        self.assert_nothing_published()

    def test_it_refuses_to_publish_a_hero_image_without_alt_text(self):
        image = make_image("Undescribed", alt_text="")
        text = self.error_text(self.publish(hero_image=image))
        self.assertIn('The image "Undescribed" has no alt text', text)
        self.assert_nothing_published()

    def test_it_saves_an_incomplete_draft_without_publishing(self):
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.draft.pk]),
            self.form_data(standfirst="", authors=[], action="action-save"),
        )
        self.assertEqual(response.status_code, 302)
        self.draft.refresh_from_db()
        self.assertFalse(self.draft.live)
        self.assertNotEqual(self.draft.latest_revision_id, self.draft_revision_id)

    def test_it_publishes_a_complete_article(self):
        response = self.publish(hero_image=make_image("Described", alt_text="A wafer under a lamp"))
        self.assertEqual(response.status_code, 302)
        self.draft.refresh_from_db()
        self.assertTrue(self.draft.live)
        self.assertEqual(self.client.get(self.draft.url).status_code, 200)
