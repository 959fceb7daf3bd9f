"""Who did what and when: publish, unpublish, schedule, role changes, failed logins, refused attempts."""

import csv
import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.editorial import roles
from newsdesk.testing import PASSWORD, DeskPersonas, article_form_data


class AuditLogTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.article = cls.article_by(cls.contributor, cls.business, title="Budget leak")

    def edit(self, user, **extra):
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:edit", args=[self.article.pk])
        return self.client.post(url, article_form_data(self.article, author=self.author, **extra))

    def page_actions(self):
        return list(PageLogEntry.objects.filter(page=self.article).values_list("action", "user__username"))

    def test_a_contributors_crafted_publish_is_refused_unchanged_and_logged(self):
        before = self.article.revisions.count()
        response = self.edit(self.contributor, title="Published by force", **{"action-publish": "1"})
        self.assertEqual(response.status_code, 403)
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertFalse(article.live)
        self.assertEqual(article.revisions.count(), before)
        entry = PageLogEntry.objects.get(page=self.article, action="editorial.denied")
        self.assertEqual((entry.user, entry.data["attempted"]), (self.contributor, "publish"))

    def test_an_editor_publishing_outside_their_section_is_refused_and_logged(self):
        other = self.article_by(self.chief, self.technology, title="Chip tariffs")
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[other.pk]),
            article_form_data(other, author=self.author, **{"action-publish": "1"}),
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ArticlePage.objects.get(pk=other.pk).live)
        self.assertTrue(PageLogEntry.objects.filter(page=other, action="editorial.denied", user=self.editor).exists())

    def test_publish_schedule_and_unpublish_are_recorded_with_their_author(self):
        self.edit(self.editor, **{"action-publish": "1"})
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=[self.article.pk]))
        later = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
        self.edit(self.editor, go_live_at=later, **{"action-publish": "1"})
        actions = self.page_actions()
        for action in ("wagtail.publish", "wagtail.unpublish", "wagtail.publish.schedule"):
            self.assertIn((action, "business_editor"), actions)

    def test_a_role_change_is_recorded_on_the_person(self):
        self.contributor.groups.add(Group.objects.get(name=roles.CHIEF_EDITOR))
        entry = ModelLogEntry.objects.filter(action="editorial.role_change", object_id=str(self.contributor.pk)).latest(
            "pk"
        )
        self.assertEqual(entry.data, {"added": [roles.CHIEF_EDITOR]})

    def test_a_failed_login_is_recorded_with_the_name_tried(self):
        self.client.post(reverse("wagtailadmin_login"), {"username": "chief", "password": "guess"})
        entry = ModelLogEntry.objects.get(action="editorial.login_failed")
        self.assertEqual((entry.label, entry.object_id), ("chief", str(self.chief.pk)))
        self.assertEqual(entry.data["ip"], "127.0.0.1")

    def test_administrators_read_and_export_the_log_as_csv(self):
        self.edit(self.editor, **{"action-publish": "1"})
        self.client.post(reverse("wagtailadmin_login"), {"username": "nobody", "password": "guess"})
        self.client.force_login(self.administrator)
        report = self.client.get(reverse("wagtailadmin_reports:site_history"))
        self.assertContains(report, "Budget leak")
        export = self.client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
        rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
        seen = {(row["Name"], row["Action type"]) for row in rows}
        self.assertIn(("Budget leak", "Publish"), seen)
        self.assertIn(("nobody", "Failed login"), seen)

    def test_a_contributor_cannot_read_the_site_history(self):
        self.client.force_login(self.contributor)
        response = self.client.get(reverse("wagtailadmin_reports:site_history"))
        self.assertEqual(response.status_code, 403)


class LoginThrottlingTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()

    def login(self, password):
        return self.client.post(reverse("wagtailadmin_login"), {"username": "chief", "password": password})

    def test_repeated_failures_lock_the_account_out_even_with_the_right_password(self):
        for _ in range(5):
            self.login("wrong guess")
        response = self.login(PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "temporarily locked", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_the_right_password_signs_in_before_the_limit(self):
        self.login("wrong guess")
        response = self.login(PASSWORD)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.chief.pk))


PROXY = "10.0.0.1"
ATTACKER, CHIEF_AT_HOME = "203.0.113.5", "198.51.100.7"


class LockOutBehindProxyTests(DeskPersonas, TestCase):
    """Requests arrive from our proxy (REMOTE_ADDR), which appends the client's address to X-Forwarded-For."""

    @classmethod
    def setUpTestData(cls):
        cls.make_desk()

    def login(self, password, forwarded_for, remote=PROXY):
        return self.client.post(
            reverse("wagtailadmin_login"),
            {"username": "chief", "password": password},
            REMOTE_ADDR=remote,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    @override_settings(NEWSDESK_PROXY_COUNT=1)
    def test_an_attacker_behind_the_proxy_locks_out_only_their_own_address(self):
        for _ in range(5):
            # The attacker also forges the chief's address in front: the proxy appends the real one.
            self.login("wrong guess", f"{CHIEF_AT_HOME}, {ATTACKER}")
        self.assertEqual(self.login(PASSWORD, ATTACKER).status_code, 429)
        self.assertEqual(self.login(PASSWORD, CHIEF_AT_HOME).status_code, 302)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.chief.pk))
        addresses = set(
            ModelLogEntry.objects.filter(action="editorial.login_failed").values_list("data__ip", flat=True)
        )
        self.assertEqual(addresses, {ATTACKER})

    def test_without_trusted_proxies_a_forged_header_is_ignored(self):
        for n in range(5):  # a different invented address each time does not escape the lock-out
            self.login("wrong guess", f"192.0.2.{n + 1}", remote=ATTACKER)
        self.assertEqual(self.login(PASSWORD, CHIEF_AT_HOME, remote=ATTACKER).status_code, 429)
        addresses = set(
            ModelLogEntry.objects.filter(action="editorial.login_failed").values_list("data__ip", flat=True)
        )
        self.assertEqual(addresses, {ATTACKER})
        self.assertEqual(self.login(PASSWORD, ATTACKER, remote=CHIEF_AT_HOME).status_code, 302)


class InventedNameFailuresTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()

    def fail(self, username, remote="203.0.113.5"):
        self.client.post(reverse("wagtailadmin_login"), {"username": username, "password": "guess"}, REMOTE_ADDR=remote)

    def failures(self):
        return ModelLogEntry.objects.filter(action="editorial.login_failed")

    def test_a_hundred_invented_names_from_one_address_make_one_entry_that_counts_them(self):
        for n in range(100):
            self.fail(f"invented-{n}")
        entry = self.failures().get()
        self.assertEqual((entry.object_id, entry.data["ip"], entry.data["attempts"]), ("0", "203.0.113.5", 100))
        self.assertEqual(entry.data["names"][:2], ["invented-0", "invented-1"])
        self.assertEqual(len(entry.data["names"]), 20)
        self.assertEqual(entry.label, "invented-0 and other names (100 attempts)")

    def test_each_address_and_each_real_account_keeps_its_own_entries(self):
        self.fail("invented", remote="203.0.113.5")
        self.fail("invented", remote="198.51.100.7")
        self.fail("chief")
        self.fail("chief")
        rows = sorted(self.failures().values_list("label", "data__ip"))
        self.assertEqual(
            rows,
            [
                ("chief", "203.0.113.5"),
                ("chief", "203.0.113.5"),
                ("invented", "198.51.100.7"),
                ("invented", "203.0.113.5"),
            ],
        )
