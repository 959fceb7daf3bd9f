"""Desk review: submit, request changes with a comment, approve; who hears about it; the dashboard queue."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from lxml import html

from newsdesk.articles.models import ArticlePage
from newsdesk.editorial import roles
from newsdesk.testing import DeskPersonas, article_form_data, make_user


class ReviewWorkflowTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()

    def setUp(self):
        self.article = self.article_by(self.contributor, self.business, title="Port strike talks resume")
        self.client.force_login(self.contributor)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.article.pk]),
            article_form_data(self.article, author=self.author, **{"action-submit": "1"}),
        )
        self.state = ArticlePage.objects.get(pk=self.article.pk).current_workflow_task_state

    def act(self, user, action, **data):
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:workflow_action", args=[self.article.pk, action, self.state.pk])
        return self.client.post(url, data)

    def test_submitting_emails_the_section_desk_but_not_other_desks(self):
        self.assertIsNotNone(self.state)
        recipients = {address for message in mail.outbox for address in message.to}
        self.assertIn(self.editor.email, recipients)
        self.assertIn(self.chief.email, recipients)
        self.assertNotIn(self.contributor.email, recipients)

    def test_the_article_waits_in_the_section_editors_dashboard_queue(self):
        self.client.force_login(self.editor)
        dashboard = html.fromstring(self.client.get(reverse("wagtailadmin_home")).content)
        self.assertIn("Port strike talks resume", " ".join(dashboard.itertext()))

    def test_requesting_changes_keeps_it_offline_and_tells_the_writer_why(self):
        self.act(self.editor, "reject", comment="Needs a second source for the union's figures.")
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertFalse(article.live)
        to_writer = [m for m in mail.outbox if self.contributor.email in m.to]
        self.assertTrue(to_writer)
        self.assertIn("Needs a second source", to_writer[-1].body)

    def test_approving_publishes_and_tells_the_writer(self):
        self.act(self.editor, "approve")
        self.assertTrue(ArticlePage.objects.get(pk=self.article.pk).live)
        self.assertTrue([m for m in mail.outbox if self.contributor.email in m.to])

    def test_an_editor_of_another_section_cannot_approve(self):
        technology_editor = self.make_technology_editor()
        response = self.act(technology_editor, "approve")
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ArticlePage.objects.get(pk=self.article.pk).live)

    def make_technology_editor(self):
        return make_user("technology_editor", roles.SECTION_EDITOR, sections=[self.technology])
