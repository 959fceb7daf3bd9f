"""Security headers on reader and admin pages, and a clean `check --deploy` with production settings."""

import os
import subprocess
import sys
from xml.etree import ElementTree

from django.conf import settings
from django.test import TestCase
from django.urls import reverse
from lxml import html

from newsdesk.testing import DeskPersonas, article_form_data, make_article


def csp_directives(header: str) -> dict:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


class SecurityHeaderTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.article = make_article(cls.business, "Headers story", authors=[cls.author])

    def assert_common_headers(self, response):
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertIn("camera=()", response["Permissions-Policy"])

    def test_reader_pages_carry_a_csp_without_inline_scripts(self):
        for url in ("/", "/business/", self.article.url, f"/authors/{self.author.slug}/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assert_common_headers(response)
                policy = csp_directives(response["Content-Security-Policy"])
                self.assertEqual(policy["script-src"], ["'self'"])
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["frame-ancestors"], ["'none'"])
                self.assertNotIn("'unsafe-inline'", policy["script-src"] + policy["default-src"])

    def test_reader_pages_have_no_inline_executable_scripts(self):
        page = html.fromstring(self.client.get(self.article.url).content)
        for script in page.xpath("//script"):
            self.assertTrue(
                script.get("src") or script.get("type") == "application/ld+json",
                "inline scripts would be blocked by the reader CSP",
            )

    def test_admin_pages_carry_the_same_protections(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        self.assert_common_headers(response)

    def test_the_admin_login_page_is_protected_too(self):
        response = self.client.get(reverse("wagtailadmin_login"))
        self.assert_common_headers(response)
        self.assert_admin_policy(response, framed_by="'none'")

    def assert_admin_policy(self, response, *, framed_by):
        policy = csp_directives(response["Content-Security-Policy"])
        self.assertEqual(policy["default-src"], ["'self'"])
        # Wagtail's inline panels and date pickers run inline scripts; nothing from other origins runs.
        self.assertEqual(policy["script-src"], ["'self'", "'unsafe-inline'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["connect-src"], ["'self'"])
        self.assertEqual(policy["form-action"], ["'self'"])
        self.assertEqual(policy["frame-ancestors"], [framed_by])

    def test_admin_pages_carry_the_admin_policy_and_are_never_framed(self):
        self.client.force_login(self.editor)
        for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_pages:edit", args=[self.article.pk])):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assert_admin_policy(response, framed_by="'none'")

    def test_previews_carry_the_admin_policy_and_may_be_framed_by_the_editor_only(self):
        self.client.force_login(self.editor)
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.article.pk])
        state = self.client.post(
            preview_url, article_form_data(self.article, author=self.author, title="Previewed headline")
        )
        self.assertTrue(state.json()["is_valid"])
        response = self.client.get(preview_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            html.fromstring(response.content).xpath("//h1")[0].text_content().strip(), "Previewed headline"
        )
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")
        self.assert_admin_policy(response, framed_by="'self'")

    def test_admin_sessions_expire(self):
        self.assertLessEqual(settings.SESSION_COOKIE_AGE, 12 * 3600)
        self.assertTrue(settings.SESSION_EXPIRE_AT_BROWSER_CLOSE)
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertTrue(response.cookies["sessionid"]["httponly"])


class DeployCheckTests(TestCase):
    def test_check_deploy_is_clean_with_production_settings(self):
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="newsdesk.settings_production")
        result = subprocess.run(
            [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("no issues", result.stdout)


class SharedResponsesCarryNoSessionTests(DeskPersonas, TestCase):
    """Feeds, sitemaps and the API are the same for everyone: a shared cache may keep them, so a
    signed-in editor's request must not put their session cookie on them."""

    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.article = make_article(cls.business, "Cookie-free story", authors=[cls.author])

    def test_a_signed_in_editors_feed_sitemap_and_api_responses_set_no_cookie(self):
        self.client.force_login(self.chief)
        self.assertIn("sessionid", self.client.get("/admin/").cookies, "the admin itself keeps the session going")
        for url in ("/feed/rss/", "/sitemap.xml", "/api/v1/articles/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(list(response.cookies), [])
                self.assertNotIn("cookie", response.get("Vary", "").lower())
        feed = self.client.get("/feed/rss/")
        self.assertIn("public", feed["Cache-Control"])
        titles = ElementTree.fromstring(feed.content).findall("./channel/item/title")
        self.assertEqual([title.text for title in titles], ["Cookie-free story"])
