"""The article's structured data offers the 16:9, 4:3 and 1:1 crops at full size when the picture is large
enough, as the demo's are, and never enlarges a smaller upload to reach those sizes."""

import io
import json

from django.core.cache import cache
from django.core.files.images import ImageFile
from django.test import TestCase

from newsdesk.demo import artwork
from newsdesk.images.models import NewsImage
from newsdesk.testing import make_article, make_author, make_image, make_section, parse_html


def crop_sizes(client, article) -> list[tuple[int, int]]:
    page = parse_html(client.get(article.url))
    for script in page.xpath("//script[@type='application/ld+json']"):
        for node in json.loads(script.text).get("@graph", []):
            if "headline" in node:
                return [(image["width"], image["height"]) for image in node["image"]]
    raise AssertionError("no article in the JSON-LD")


class ImageCropTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")
        cls.author = make_author("Ana Ruiz")
        demo_picture = NewsImage(title="Demo picture", alt_text="A drawn map", credit="Desk graphics")
        demo_picture.file = ImageFile(io.BytesIO(artwork.render("map", palette="sea", seed=1)), name="demo-map.jpg")
        demo_picture.save()
        cls.demo_article = make_article(
            cls.section, "With a demo picture", authors=[cls.author], hero_image=demo_picture
        )
        cls.small_article = make_article(
            cls.section,
            "With a small upload",
            authors=[cls.author],
            hero_image=make_image("Small", width=800, height=450),
        )

    def setUp(self):
        cache.clear()

    def test_a_demo_picture_gives_every_crop_at_full_size(self):
        self.assertEqual(crop_sizes(self.client, self.demo_article), [(1200, 675), (1200, 900), (1200, 1200)])

    def test_a_small_upload_gives_smaller_crops_not_enlarged_ones(self):
        self.assertEqual(crop_sizes(self.client, self.small_article), [(800, 450), (600, 450), (450, 450)])
