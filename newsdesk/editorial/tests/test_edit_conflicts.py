"""Two editors on one article: the second save is refused naming the first, at the same instant too, and the
refused editor's automatic saves never replace the first editor's work."""

import threading
import unittest

from django.db import connection, connections
from django.test import Client, TestCase, TransactionTestCase
from django.urls import reverse
from lxml import html

from newsdesk.articles.models import ArticlePage
from newsdesk.testing import DeskPersonas, article_form_data, form_errors


class EditConflictCase(DeskPersonas):
    """Shared builders: an article both editors can edit, and the editor's two kinds of save."""

    @classmethod
    def make_editors(cls):
        cls.make_desk()
        for user, first, last in [(cls.editor, "Amina", "Rahman"), (cls.chief, "Tomás", "Ruiz")]:
            user.first_name, user.last_name = first, last
            user.save()

    def make_article(self):
        self.article = self.article_by(self.editor, self.business, title="Original headline", publish=True)
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.article.pk])

    def client_for(self, user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def form_data(self, title, loaded):
        """What the editor's form posts: their headline and the version it was loaded from."""
        revision_id, created_at = loaded
        return article_form_data(
            self.article,
            author=self.author,
            title=title,
            loaded_revision_id=str(revision_id),
            loaded_revision_created_at=created_at,
        )

    def save(self, user, title, loaded):
        """The editor presses Save draft."""
        return self.client_for(user).post(self.edit_url, self.form_data(title, loaded))

    def autosave(self, user, title, loaded, client=None, overwrite=None):
        """The admin's background save: the same form, a JSON answer; after its first, it rewrites its own version."""
        client = client or self.client_for(user)
        data = self.form_data(title, loaded)
        if overwrite:
            data["overwrite_revision_id"] = str(overwrite)
        return client.post(self.edit_url, data, HTTP_ACCEPT="application/json")

    def loaded_now(self):
        """The version an editor opening the article now would load, as the edit form carries it."""
        revision = ArticlePage.objects.get(pk=self.article.pk).latest_revision
        return revision.pk, revision.created_at.isoformat()

    @staticmethod
    def loaded_in(response):
        """The version a re-displayed form says it was loaded from (its hidden fields)."""
        tree = html.fromstring(response.content)
        return (
            tree.xpath("//input[@name='loaded_revision_id']/@value")[0],
            tree.xpath("//input[@name='loaded_revision_created_at']/@value")[0],
        )

    def latest_title(self):
        return ArticlePage.objects.get(pk=self.article.pk).get_latest_revision_as_object().title


class SequentialEditConflictTests(EditConflictCase, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_editors()

    def setUp(self):
        self.make_article()

    def test_the_refusal_names_the_editor_who_saved_first(self):
        opened = self.loaded_now()
        self.assertEqual(self.save(self.editor, "Amina's headline", opened).status_code, 302)
        refused = self.save(self.chief, "Tomás's headline", opened)
        self.assertEqual(refused.status_code, 200)
        errors = form_errors(refused)
        self.assertIn("Amina Rahman saved a newer version of this article", errors)
        self.assertNotIn("Tomás Ruiz", errors)
        self.assertEqual(self.latest_title(), "Amina's headline")

    def test_an_editors_own_automatic_saves_do_not_block_their_save(self):
        opened = self.loaded_now()
        client = self.client_for(self.editor)
        first = self.autosave(self.editor, "Amina's first try", opened, client=client).json()
        second = self.autosave(self.editor, "Amina's second try", opened, client=client, overwrite=first["revision_id"])
        self.assertTrue(second.json()["success"])
        response = self.save(self.editor, "Amina's headline", opened)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest_title(), "Amina's headline")

    def test_an_automatic_save_after_a_refusal_is_refused_until_the_editor_saves_deliberately(self):
        opened = self.loaded_now()
        self.save(self.editor, "Amina's headline", opened)
        chief = self.client_for(self.chief)
        refused = chief.post(self.edit_url, self.form_data("Tomás's headline", opened))
        self.assertEqual(refused.status_code, 200)
        # The re-displayed form now carries Amina's version: its automatic save must still not replace it.
        redisplayed = self.loaded_in(refused)
        answer = self.autosave(self.chief, "Tomás's headline", redisplayed, client=chief)
        self.assertEqual(answer.status_code, 400)
        self.assertFalse(answer.json()["success"])
        self.assertIn("Amina Rahman saved a newer version", answer.json()["error_message"])
        self.assertEqual(self.latest_title(), "Amina's headline")
        # Pressing Save after reading the refusal replaces Amina's version on purpose; autosave resumes.
        self.assertEqual(chief.post(self.edit_url, self.form_data("Tomás's headline", redisplayed)).status_code, 302)
        self.assertEqual(self.latest_title(), "Tomás's headline")
        self.assertTrue(self.autosave(self.chief, "Tomás, later", self.loaded_now(), client=chief).json()["success"])

    def test_a_stale_automatic_save_is_refused_naming_the_other_editor(self):
        opened = self.loaded_now()
        self.save(self.editor, "Amina's headline", opened)
        answer = self.autosave(self.chief, "Tomás's headline", opened)
        self.assertEqual(answer.status_code, 400)
        self.assertIn("Amina Rahman saved a newer version", answer.json()["error_message"])
        self.assertEqual(self.latest_title(), "Amina's headline")

    def test_another_editors_automatic_save_made_in_place_after_you_opened_counts(self):
        amina = self.client_for(self.editor)
        first = self.autosave(self.editor, "Amina typing", self.loaded_now(), client=amina).json()
        opened = self.loaded_now()  # Tomás opens the article on Amina's automatic save…
        # …which her next one rewrites in place.
        again = self.autosave(self.editor, "Amina typed more", opened, client=amina, overwrite=first["revision_id"])
        self.assertTrue(again.json()["success"])
        refused = self.save(self.chief, "Tomás's headline", opened)
        self.assertIn("Amina Rahman saved a newer version", form_errors(refused))
        self.assertEqual(self.latest_title(), "Amina typed more")


@unittest.skipIf(
    connection.vendor == "sqlite",
    "SQLite runs one write transaction at a time (IMMEDIATE), so two saves cannot overlap there; run with "
    "DATABASE_URL=postgres://… to exercise the row lock.",
)
class SimultaneousEditConflictTests(EditConflictCase, TransactionTestCase):
    """Both editors press Save at the same instant, each request on its own database connection."""

    serialized_rollback = True  # the home page and roles the migrations made, for the tests after this
    ROUNDS = 4

    def setUp(self):
        self.make_editors()
        self.make_article()

    def save_together(self, saves):
        start = threading.Barrier(len(saves))
        responses = [None] * len(saves)

        def run(i, client, data):
            try:
                start.wait()
                responses[i] = client.post(self.edit_url, data)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=run, args=(i, *save)) for i, save in enumerate(saves)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return responses

    def test_exactly_one_of_two_simultaneous_saves_is_accepted(self):
        editors = {"Amina Rahman": self.client_for(self.editor), "Tomás Ruiz": self.client_for(self.chief)}
        for round_ in range(self.ROUNDS):
            opened = self.loaded_now()
            titles = {name: f"{name}'s headline, round {round_}" for name in editors}
            responses = self.save_together(
                [(client, self.form_data(titles[name], opened)) for name, client in editors.items()]
            )
            outcome = dict(zip(editors, responses, strict=True))
            accepted = [name for name, response in outcome.items() if response.status_code == 302]
            self.assertEqual(len(accepted), 1, f"round {round_}: {[r.status_code for r in responses]}")
            winner = accepted[0]
            [loser] = [name for name in editors if name != winner]
            self.assertIn(f"{winner} saved a newer version of this article", form_errors(outcome[loser]))
            self.assertEqual(self.latest_title(), titles[winner])
