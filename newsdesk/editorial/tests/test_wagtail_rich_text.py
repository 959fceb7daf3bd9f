"""The sanitiser keeps rich text in the form Wagtail reads back: the editor reopens it, readers get real images,
and a link whose id cannot name a page is repaired on save and tolerated when already stored."""

import json

from django.test import TestCase
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data

from newsdesk.articles.models import ArticlePage
from newsdesk.editorial.sanitise import clean_html
from newsdesk.sections.models import SectionPage, StandardPage
from newsdesk.testing import home_page, make_article, make_editor, make_image, make_section, parse_html, text_of

SOFT_BREAK_CONTENTSTATE = json.dumps(
    {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": "First line\nsecond line",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            }
        ],
        "entityMap": {},
    }
)
BAD_LINK = (
    '<p>See <a linktype="page" id="abc">the earlier report</a> and <a linktype="document" id="1;2">the file</a>.</p>'
)


class RichTextRoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_editor()
        cls.image = make_image("Harbour at dawn", alt_text="Cranes over the harbour")
        cls.page = StandardPage(title="About us", slug="about-us", body="<p>We report.</p>")
        home_page().add_child(instance=cls.page)
        cls.page.save_revision().publish()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_text_with_a_soft_line_break_reopens_in_the_editor(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        form = nested_form_data(
            {
                "title": "About us",
                "slug": "about-us",
                "body": SOFT_BREAK_CONTENTSTATE,
                "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            }
        )
        form["action-publish"] = "1"
        self.assertEqual(self.client.post(edit_url, form).status_code, 302)

        reopened = self.client.get(edit_url)
        self.assertEqual(reopened.status_code, 200)
        body_input = parse_html(reopened).xpath('//input[@name="body"]')[0]
        blocks = json.loads(body_input.get("value"))["blocks"]
        self.assertEqual(["First line\nsecond line"], [block["text"] for block in blocks])

        reader = parse_html(self.client.get(self.page.url))
        self.assertEqual(len(reader.xpath("//main//p[contains(., 'First line')]/br")), 1)

    def test_an_image_in_a_standard_page_body_reaches_readers_as_a_picture(self):
        self.page.body = (
            f'<p>Our harbour.</p><embed embedtype="image" id="{self.image.pk}" format="fullwidth" alt="Cranes"/>'
        )
        self.page.save_revision().publish()
        response = self.client.get(self.page.url)
        self.assertNotIn("<embed", response.content.decode())
        images = parse_html(response).xpath("//main//img")
        self.assertEqual(["Cranes"], [img.get("alt") for img in images])
        self.assertIn("/media/images/", images[0].get("src"))

    def test_an_image_in_a_section_body_reaches_readers_as_a_picture(self):
        section = make_section("Harbours")
        section.body = f'<p>Ports.</p><embed embedtype="image" id="{self.image.pk}" format="left" alt="Cranes"/>'
        section.save_revision().publish()
        response = self.client.get(section.url)
        self.assertNotIn("<embed", response.content.decode())
        self.assertEqual(
            ["Cranes"], [img.get("alt") for img in parse_html(response).xpath("//main//img[@alt='Cranes']")]
        )

    def test_the_sanitiser_repairs_links_whose_id_names_no_row(self):
        cleaned = clean_html(BAD_LINK + '<embed embedtype="image" id="x" format="left" alt="a"/>')
        self.assertEqual(cleaned, "<p>See <a>the earlier report</a> and <a>the file</a>.</p>")

    def test_attribute_text_survives_a_round_trip_through_wagtail(self):
        cleaned = clean_html(
            f'<embed embedtype="image" id="{self.image.pk}" format="left" alt="Tom\'s &quot;>&lt;b&gt;"/>'
        )
        self.page.body = cleaned
        self.page.save_revision().publish()
        images = parse_html(self.client.get(self.page.url)).xpath("//main//img")
        self.assertEqual(["Tom's \"><b>"], [img.get("alt") for img in images])


class StoredMalformedLinkTests(TestCase):
    """Bodies stored before the sanitiser repaired such links (old imports, the shell) still render."""

    @classmethod
    def setUpTestData(cls):
        section = make_section("World")
        cls.article = make_article(
            section, "A story with a broken link", body=[("paragraph", RichText("<p>Plain.</p>"))]
        )
        body = json.dumps([{"type": "paragraph", "value": BAD_LINK, "id": "b1"}])
        ArticlePage.objects.filter(pk=cls.article.pk).update(body=body)
        SectionPage.objects.filter(pk=section.pk).update(body=BAD_LINK)
        cls.section = section

    def test_the_article_page_renders_the_link_text(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("See the earlier report and the file.", text_of(parse_html(response)))

    def test_the_editor_opens_the_section_and_its_text_is_intact(self):
        self.client.force_login(make_editor())
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.section.pk]))
        self.assertEqual(response.status_code, 200)
        body = json.loads(parse_html(response).xpath('//input[@name="body"]')[0].get("value"))
        self.assertEqual([block["text"] for block in body["blocks"]], ["See the earlier report and the file."])

    def test_the_section_page_renders_the_link_text(self):
        response = self.client.get(self.section.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("See the earlier report", text_of(parse_html(response)))
