"""What each role may create and change beyond editing articles: image uploads, page types, and
moves, reordering and bulk actions, whose refusals are 403s in the audit log like any other."""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from lxml import html as lxml_html
from PIL import Image as PILImage
from wagtail.models import Page, PageLogEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.images.models import NewsImage
from newsdesk.importers.tests.material import own
from newsdesk.sections.models import SectionPage, StandardPage
from newsdesk.testing import DeskPersonas, article_form_data, home_page


def jpeg_upload(name="photo.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def denials(user):
    return list(
        PageLogEntry.objects.filter(action="editorial.denied", user=user).values_list("data__attempted", flat=True)
    )


class ContributorRightsTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.published = cls.article_by(cls.other_contributor, cls.business, publish=True, title="Rates hold")
        cls.draft = cls.article_by(cls.other_contributor, cls.business, title="Rates draft")

    def setUp(self):
        self.client.force_login(self.contributor)

    def test_a_contributor_uploads_an_image(self):
        response = self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Harbour at dawn",
                "alt_text": "Cranes over the harbour at dawn",
                "credit": "Desk",
                "file": jpeg_upload(),
            },
        )
        self.assertEqual(response.status_code, 302)
        image = NewsImage.objects.get(title="Harbour at dawn")
        self.assertEqual((image.uploaded_by_user, image.width), (self.contributor, 64))
        library = self.client.get(reverse("wagtailimages:index"))
        self.assertContains(library, "Harbour at dawn")

    def test_a_contributor_creates_articles_but_no_section_or_standard_page(self):
        desks_before = Group.objects.count()
        home = home_page()
        add_section = reverse("wagtailadmin_pages:add", args=("sections", "sectionpage", home.pk))
        response = self.client.post(
            add_section, {"title": "Rogue desk", "slug": "rogue-desk", "description": "", "body": ""}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(SectionPage.objects.filter(slug="rogue-desk").exists())
        self.assertEqual(Group.objects.count(), desks_before, "no desk group made for a refused section")
        add_standard = reverse("wagtailadmin_pages:add", args=("sections", "standardpage", home.pk))
        self.assertEqual(self.client.get(add_standard).status_code, 403)
        self.assertFalse(StandardPage.objects.exists())
        self.assertEqual(sorted(denials(self.contributor)), ["create a sectionpage", "create a standardpage"])
        add_article = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", self.business.pk))
        self.assertEqual(self.client.get(add_article).status_code, 200)

    def test_a_refused_move_is_a_403_in_the_audit_log(self):
        url = reverse("wagtailadmin_pages:move_confirm", args=[self.published.pk, self.technology.pk])
        self.assertEqual(self.client.post(url).status_code, 403)
        self.assertEqual(Page.objects.get(pk=self.published.pk).get_parent().pk, self.business.pk)
        self.assertEqual(denials(self.contributor), ["move"])

    def test_a_refused_reordering_is_a_403_in_the_audit_log(self):
        order = list(self.business.get_children().values_list("pk", flat=True))
        url = reverse("wagtailadmin_pages:set_page_position", args=[self.draft.pk]) + "?position=0"
        self.assertEqual(self.client.post(url).status_code, 403)
        self.assertEqual(list(self.business.get_children().values_list("pk", flat=True)), order)
        self.assertEqual(denials(self.contributor), ["reorder"])

    def test_a_refused_bulk_publish_is_a_403_in_the_audit_log(self):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={self.draft.pk}"
        self.assertEqual(self.client.post(url, {"include_descendants": ""}).status_code, 403)
        self.assertFalse(Page.objects.get(pk=self.draft.pk).live)
        self.assertEqual(denials(self.contributor), ["publish (bulk)"])

    def test_a_draft_imported_from_html_belongs_to_the_contributor_who_imported_it(self):
        upload = SimpleUploadedFile("microdata.html", own("html/microdata.html").read_bytes(), content_type="text/html")
        self.client.post(reverse("importers_import_html"), {"page": upload, "url": "", "section": self.business.pk})
        draft = ArticlePage.objects.get(title="Rail freight doubles on the northern line")
        self.assertEqual(draft.owner, self.contributor)
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        self.assertEqual(editor.status_code, 200)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]),
            article_form_data(draft, author=self.author, title="Rail freight doubles, says operator"),
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object().title,
            "Rail freight doubles, says operator",
        )


class OthersDraftsTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.secret = cls.article_by(cls.other_contributor, cls.business, title="Secret merger talks")
        cls.article_by(cls.contributor, cls.business, title="My own draft")
        cls.article_by(cls.other_contributor, cls.business, publish=True, title="Published rates story")

    def headlines(self, url):
        """The text of an explorer page, or of the page chooser's modal (sent as JSON)."""
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        if response["Content-Type"].startswith("application/json"):
            return lxml_html.fromstring(response.json()["html"]).text_content()
        return " ".join(lxml_html.fromstring(response.content).xpath("//main//text()"))

    def test_a_contributor_sees_published_pages_and_their_own_drafts_only(self):
        self.client.force_login(self.contributor)
        explorer = reverse("wagtailadmin_explore", args=[self.business.pk])
        for url in (
            explorer,
            explorer + "?q=merger",
            reverse("wagtailadmin_choose_page_child", args=[self.business.pk]),
        ):
            with self.subTest(url=url):
                text = self.headlines(url)
                self.assertNotIn("Secret merger talks", text)
                if "q=" not in url:
                    self.assertIn("My own draft", text)
                    self.assertIn("Published rates story", text)

    def test_the_admin_page_search_hides_other_peoples_drafts_from_a_contributor(self):
        self.client.force_login(self.contributor)
        search = reverse("wagtailadmin_pages:search")
        for url in (
            search + "?q=merger",
            search + "?q=draft",
            reverse("wagtailadmin_pages:search_results") + "?q=merger",
        ):
            with self.subTest(url=url):
                self.assertNotIn("Secret merger talks", self.headlines(url))
        self.assertIn("My own draft", self.headlines(search + "?q=draft"))
        self.client.force_login(self.editor)
        self.assertIn("Secret merger talks", self.headlines(search + "?q=merger"))

    def test_the_admin_page_api_and_the_explorer_do_not_open_another_contributors_draft(self):
        self.client.force_login(self.contributor)
        api = "/admin/api/main/pages/"
        for url in (
            f"{api}?child_of={self.business.pk}",
            f"{api}?search=merger",
            f"{api}?descendant_of={self.business.pk}",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                titles = [item["title"] for item in response.json()["items"]]
                self.assertNotIn("Secret merger talks", titles)
        listed = [item["title"] for item in self.client.get(f"{api}?child_of={self.business.pk}").json()["items"]]
        self.assertIn("My own draft", listed)
        self.assertEqual(self.client.get(f"{api}{self.secret.pk}/").status_code, 404)
        self.assertEqual(self.client.get(reverse("wagtailadmin_explore", args=[self.secret.pk])).status_code, 404)
        usage = self.headlines(reverse("wagtailadmin_pages:type_use", args=["articles", "articlepage"]))
        self.assertNotIn("Secret merger talks", usage)
        self.assertIn("My own draft", usage)
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(f"{api}{self.secret.pk}/").status_code, 200)
        self.assertEqual(self.client.get(reverse("wagtailadmin_explore", args=[self.secret.pk])).status_code, 200)

    def test_the_section_editor_still_sees_every_draft_of_their_section(self):
        self.client.force_login(self.editor)
        self.assertIn("Secret merger talks", self.headlines(reverse("wagtailadmin_explore", args=[self.business.pk])))
