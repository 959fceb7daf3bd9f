"""Every role x every action x in and out of the editor's section, through real admin requests.

"In section" is Business (the section editor's desk), "out of section" is Technology. Each generated
test performs one action as one persona, then checks the database: an allowed action took effect,
a refused one changed nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from newsdesk.articles.models import ArticlePage
from newsdesk.people.models import Author
from newsdesk.testing import DeskPersonas, article_form_data

Y, N = True, False
# role -> action -> (in section, out of section)
MATRIX = {
    "contributor": {
        "create": (Y, Y),
        "edit_own": (Y, Y),
        "edit_others": (N, N),
        "submit": (Y, Y),
        "approve": (N, N),
        "publish": (N, N),
        "schedule": (N, N),
        "unpublish": (N, N),
        "delete": (N, N),
        "manage_authors": (N, N),
        "manage_users": (N, N),
    },
    "editor": {
        "create": (Y, N),
        "edit_own": (Y, N),
        "edit_others": (Y, N),
        "submit": (Y, N),
        "approve": (Y, N),
        "publish": (Y, N),
        "schedule": (Y, N),
        "unpublish": (Y, N),
        "delete": (Y, N),
        "manage_authors": (N, N),
        "manage_users": (N, N),
    },
    "chief": {
        "create": (Y, Y),
        "edit_own": (Y, Y),
        "edit_others": (Y, Y),
        "submit": (Y, Y),
        "approve": (Y, Y),
        "publish": (Y, Y),
        "schedule": (Y, Y),
        "unpublish": (Y, Y),
        "delete": (Y, Y),
        "manage_authors": (Y, Y),
        "manage_users": (N, N),
    },
    "administrator": {
        action: (Y, Y)
        for action in [
            "create",
            "edit_own",
            "edit_others",
            "submit",
            "approve",
            "publish",
            "schedule",
            "unpublish",
            "delete",
            "manage_authors",
            "manage_users",
        ]
    },
}


class PermissionMatrixTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.personas = {
            "contributor": cls.contributor,
            "editor": cls.editor,
            "chief": cls.chief,
            "administrator": cls.administrator,
        }
        cls.targets = {}
        for where, section in (("in", cls.business), ("out", cls.technology)):
            # "Other's" work belongs to a second contributor: a published piece and one awaiting review.
            cls.targets[where] = {
                "section": section,
                "published": cls.article_by(cls.other_contributor, section, publish=True),
                "in_review": cls._submitted(cls.article_by(cls.other_contributor, section)),
                "own": {role: cls.article_by(user, section) for role, user in cls.personas.items()},
            }

    @classmethod
    def _submitted(cls, article):
        article.get_workflow().start(article, cls.other_contributor)
        return article

    # -- the actions, each returning whether it took effect ----------------------------------

    def _edit(self, article, **extra):
        data = article_form_data(article, author=self.author, title="Edited headline", **extra)
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)

    def do_create(self, user, t):
        url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", t["section"].pk))
        response = self.client.post(url, article_form_data(author=self.author, slug="brand-new"))
        created = ArticlePage.objects.filter(slug="brand-new").exists()
        return response, created

    def do_edit_own(self, user, t, role):
        article = t["own"][role]
        response = self._edit(article)
        return response, _latest_title(article) == "Edited headline"

    def do_edit_others(self, user, t):
        article = t["published"]
        response = self._edit(article)
        return response, _latest_title(article) == "Edited headline"

    def do_submit(self, user, t, role):
        article = t["own"][role]
        response = self._edit(article, **{"action-submit": "1"})
        return response, WorkflowState.objects.active().filter(object_id=str(article.pk)).exists()

    def do_approve(self, user, t):
        article = t["in_review"]
        state = article.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.pk])
        response = self.client.post(url)
        return response, Page.objects.get(pk=article.pk).live

    def do_publish(self, user, t, role):
        article = t["own"][role]
        response = self._edit(article, **{"action-publish": "1"})
        return response, Page.objects.get(pk=article.pk).live

    def do_schedule(self, user, t, role):
        article = t["own"][role]
        go_live = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        response = self._edit(article, go_live_at=go_live, **{"action-publish": "1"})
        scheduled = article.revisions.filter(approved_go_live_at__isnull=False).exists()
        return response, scheduled and not Page.objects.get(pk=article.pk).live

    def do_unpublish(self, user, t):
        article = t["published"]
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
        return response, not Page.objects.get(pk=article.pk).live

    def do_delete(self, user, t):
        article = t["published"]
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=[article.pk]))
        return response, not Page.objects.filter(pk=article.pk).exists()

    def do_manage_authors(self, user, t):
        url = reverse("wagtailsnippets_people_author:add")
        data = {
            "name": "New Voice",
            "slug": "new-voice",
            "kind": "person",
            "role": "",
            "bio": "",
            "email": "",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000",
        }
        response = self.client.post(url, data)
        return response, Author.objects.filter(slug="new-voice").exists()

    def do_manage_users(self, user, t):
        data = {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "a long and unusual passphrase 7",
            "password2": "a long and unusual passphrase 7",
            "is_active": "on",
        }
        response = self.client.post(reverse("wagtailusers_users:add"), data)
        return response, get_user_model().objects.filter(username="newcomer").exists()


def _latest_title(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().title


OWN_ACTIONS = {"edit_own", "submit", "publish", "schedule"}


def _make_test(role, action, where, allowed):
    def test(self):
        user = self.personas[role]
        self.client.force_login(user)
        method = getattr(self, f"do_{action}")
        args = (user, self.targets[where]) + ((role,) if action in OWN_ACTIONS else ())
        response, happened = method(*args)
        self.assertLess(response.status_code, 500)
        if allowed:
            self.assertTrue(happened, f"{role} should be able to {action} ({where} of section)")
        else:
            self.assertFalse(happened, f"{role} must not be able to {action} ({where} of section)")
            self.assertIn(response.status_code, (302, 403), "a refusal is a 403 or a redirect away")

    verb = "can" if allowed else "cannot"
    test.__name__ = f"test_{role}_{verb}_{action}_{where}_of_section"
    return test


for _role, _actions in MATRIX.items():
    for _action, (_in, _out) in _actions.items():
        for _where, _allowed in (("in", _in), ("out", _out)):
            if _action in ("manage_authors", "manage_users") and _where == "out":
                continue  # not scoped by section
            _test = _make_test(_role, _action, _where, _allowed)
            setattr(PermissionMatrixTests, _test.__name__, _test)
