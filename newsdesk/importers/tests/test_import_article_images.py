"""Only raster pictures are imported from a saved page: an SVG or an unreadable file is left out and said."""

import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from lxml import html as lxml_html

from newsdesk.articles.models import ArticlePage
from newsdesk.images.models import NewsImage
from newsdesk.importers.tests.material import write_jpeg
from newsdesk.testing import make_section

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="red"/></svg>'
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour traffic charted</title></head><body>
<article itemscope itemtype="https://schema.org/NewsArticle">
  <h1 itemprop="headline">Harbour traffic charted</h1>
  <p itemprop="description">Ship calls rose for the third month running.</p>
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Sadia Karim</span></span>
  <figure><img src="chart.svg" alt="A chart of ship calls"><figcaption>Ship calls by month. Graphic: Desk</figcaption></figure>
  <div itemprop="articleBody">
    <p>Ship calls at the harbour rose for the third month running, the port authority said.</p>
    <figure><img src="logo.svg" alt="Port logo"><figcaption>The authority's logo</figcaption></figure>
    <figure><img src="broken.png" alt="Cranes"><figcaption>Not a picture at all</figcaption></figure>
    <figure><img src="cranes.jpg" alt="Cranes at dusk"><figcaption>Cranes at dusk</figcaption></figure>
    <p>Most of the growth came from container ships.</p>
  </div>
</article></body></html>"""


class VectorAndBrokenImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="saved-page-"))
        (cls.folder / "page.html").write_text(PAGE, encoding="utf-8")
        (cls.folder / "chart.svg").write_bytes(SVG)
        (cls.folder / "logo.svg").write_bytes(SVG)
        (cls.folder / "broken.png").write_bytes(b"GIF89a\x01\x00\x01\x00not really an image")
        write_jpeg(cls.folder / "cranes.jpg")
        cls.section = make_section("Harbour")
        cls.editor = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-password-1")
        out = StringIO()
        call_command("import-article", str(cls.folder / "page.html"), stdout=out)
        cls.output = out.getvalue()
        cls.draft = ArticlePage.objects.get(title="Harbour traffic charted")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    def test_only_the_raster_picture_is_stored_and_the_others_are_named(self):
        self.assertEqual(list(NewsImage.objects.values_list("alt_text", flat=True)), ["Cranes at dusk"])
        self.assertIsNone(self.draft.hero_image)
        self.assertIn("hero image chart.svg was not imported: it is not a picture we can store (SVG)", self.output)
        self.assertIn("body image logo.svg was not imported: it is not a picture we can store (SVG)", self.output)
        self.assertIn("body image broken.png was not imported: the file cannot be read as a picture", self.output)

    def test_the_draft_preview_and_the_published_page_render_with_the_text_and_the_raster_picture(self):
        self.client.force_login(self.editor)
        preview = self.client.get(reverse("wagtailadmin_pages:view_draft", args=[self.draft.pk]))
        self.draft.get_latest_revision().publish()
        published = self.client.get(self.draft.get_url())
        for response in (preview, published):
            with self.subTest(url=response.request["PATH_INFO"]):
                self.assertEqual(response.status_code, 200)
                tree = lxml_html.fromstring(response.content)
                self.assertEqual(tree.xpath("normalize-space(//h1)"), "Harbour traffic charted")
                self.assertIn("Most of the growth came from container ships.", tree.xpath("string(//body)"))
                self.assertEqual(tree.xpath("//img[contains(@src, '.svg')]"), [])
                self.assertIn("Cranes at dusk", tree.xpath("//img/@alt"))
