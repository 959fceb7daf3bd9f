"""The article edit form: edit conflicts, corrections for substantive changes, scheduling rules, rollback."""

from datetime import timedelta

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from lxml import html

from newsdesk.articles.models import ArticlePage
from newsdesk.testing import DeskPersonas, article_form_data, form_errors


class ArticleEditRuleTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.second_editor = cls.chief

    def setUp(self):
        self.article = self.article_by(self.editor, self.business, title="Original headline", publish=True)
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.article.pk])

    def post_edit(self, user, **fields):
        self.client.force_login(user)
        return self.client.post(self.edit_url, article_form_data(self.article, author=self.author, **fields))

    def latest(self):
        return ArticlePage.objects.get(pk=self.article.pk).get_latest_revision_as_object()

    # -- concurrent editing -------------------------------------------------------------------

    def test_the_second_of_two_editors_gets_a_conflict_and_loses_nothing(self):
        loaded = str(self.article.latest_revision_id)
        first = self.post_edit(self.editor, title="First editor's headline", loaded_revision_id=loaded)
        self.assertEqual(first.status_code, 302)
        second = self.post_edit(self.chief, title="Second editor's headline", loaded_revision_id=loaded)
        self.assertEqual(second.status_code, 200)
        self.assertIn("saved a newer version of this article", form_errors(second))
        # The first editor's work is kept, and the second's text is still in the form.
        self.assertEqual(self.latest().title, "First editor's headline")
        field = html.fromstring(second.content).xpath("//input[@name='title']")[0]
        self.assertEqual(field.get("value"), "Second editor's headline")

    def test_saving_again_after_the_conflict_replaces_the_other_version_on_purpose(self):
        loaded = str(self.article.latest_revision_id)
        self.post_edit(self.editor, title="First editor's headline", loaded_revision_id=loaded)
        newest = str(ArticlePage.objects.get(pk=self.article.pk).latest_revision_id)
        response = self.post_edit(self.chief, title="Second editor's headline", loaded_revision_id=newest)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest().title, "Second editor's headline")

    # -- corrections --------------------------------------------------------------------------

    def test_a_substantive_change_without_a_correction_note_is_refused(self):
        response = self.post_edit(
            self.editor, title="Changed facts", substantive_change="on", **{"action-publish": "1"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("needs a correction note", form_errors(response))
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertEqual(article.title, "Original headline")
        self.assertIsNone(article.updated_at)

    def test_the_refused_change_can_still_be_kept_as_a_draft(self):
        response = self.post_edit(self.editor, title="Changed facts", substantive_change="on")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest().title, "Changed facts")
        self.assertEqual(ArticlePage.objects.get(pk=self.article.pk).title, "Original headline")

    def test_a_substantive_change_with_a_note_publishes_the_correction_and_moves_updated(self):
        note = "An earlier version gave the wrong year for the merger."
        response = self.post_edit(
            self.editor,
            title="Changed facts",
            substantive_change="on",
            corrections=[{"published_at": timezone.now().strftime("%Y-%m-%d %H:%M"), "note": note}],
            **{"action-publish": "1"},
        )
        self.assertEqual(response.status_code, 302)
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertEqual(article.title, "Changed facts")
        self.assertIsNotNone(article.updated_at)
        self.assertGreater(article.updated_at, article.first_published_at)
        page = html.fromstring(self.client.get(article.url).content)
        self.assertIn(note, " ".join(page.xpath("//section[contains(@class, 'corrections')]")[0].itertext()))
        stamps = [t.get("datetime", "")[:16] for t in page.xpath("//header//time | //article//time")]
        self.assertIn(timezone.localtime(article.updated_at).isoformat()[:16], stamps)

    # -- scheduling ---------------------------------------------------------------------------

    def test_an_expiry_before_the_go_live_time_is_refused_with_a_message(self):
        go_live = timezone.now() + timedelta(days=2)
        response = self.post_edit(
            self.editor,
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
            expire_at=(go_live - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
            **{"action-publish": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Go live date/time must be before expiry date/time", form_errors(response))
        self.assertFalse(self.article.revisions.filter(approved_go_live_at__isnull=False).exists())

    def test_scheduling_in_the_past_publishes_now(self):
        past = (timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
        response = self.post_edit(
            self.editor, title="Published straight away", go_live_at=past, **{"action-publish": "1"}
        )
        self.assertEqual(response.status_code, 302)
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertTrue(article.live)
        self.assertEqual(article.title, "Published straight away")
        self.assertContains(self.client.get(article.url), "Published straight away")

    # -- revisions ----------------------------------------------------------------------------

    def test_an_editor_can_compare_revisions_and_roll_back(self):
        first_revision = self.article.latest_revision
        self.post_edit(self.editor, title="A regrettable headline", **{"action-publish": "1"})
        bad_revision = ArticlePage.objects.get(pk=self.article.pk).latest_revision
        compare = self.client.get(
            reverse("wagtailadmin_pages:revisions_compare", args=[self.article.pk, first_revision.pk, bad_revision.pk])
        )
        self.assertContains(compare, "regrettable")
        revert = self.client.get(
            reverse("wagtailadmin_pages:revisions_revert", args=[self.article.pk, first_revision.pk])
        )
        form_title = html.fromstring(revert.content).xpath("//input[@name='title']")[0].get("value")
        self.assertEqual(form_title, "Original headline")
        self.post_edit(self.editor, title=form_title, **{"action-publish": "1"})
        self.assertContains(self.client.get(self.article.url), "Original headline")
        self.assertNotContains(self.client.get(self.article.url), "regrettable")

    def test_a_locked_article_cannot_be_saved_by_another_editor(self):
        self.client.force_login(self.editor)
        self.client.post(reverse("wagtailadmin_pages:lock", args=[self.article.pk]))
        self.assertTrue(ArticlePage.objects.get(pk=self.article.pk).locked)
        self.post_edit(self.chief, title="Overwritten while locked")
        self.assertEqual(self.latest().title, "Original headline")
