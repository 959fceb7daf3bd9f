import lxml.html
from django.core.cache import cache
from django.template import Context, Template
from django.test import TestCase

from newsdesk.images.models import NewsRendition
from newsdesk.images.pictures import make_renditions
from newsdesk.testing import make_image

TEMPLATE = Template(
    '{% load news_images %}{% news_picture image "format-{webp,jpeg} width-{480,800,1200}" alt="x" sizes="100vw" %}'
)


class NewsPictureTests(TestCase):
    def setUp(self):
        # Wagtail caches renditions by image id and file hash; ids come back after each test's rollback.
        cache.clear()

    def render(self, image, made=True):
        if made:  # as publishing does, in the worker
            make_renditions.call([image.pk], [])
        return lxml.html.fragment_fromstring(TEMPLATE.render(Context({"image": image})))

    def widths(self, srcset):
        return [candidate.split()[-1] for candidate in srcset.split(", ")]

    def test_it_offers_webp_and_jpeg_at_every_width_a_large_image_allows(self):
        picture = self.render(make_image(width=1600, height=900))
        self.assertEqual(
            self.widths(picture.xpath('./source[@type="image/webp"]')[0].get("srcset")), ["480w", "800w", "1200w"]
        )
        img = picture.xpath(".//img")[0]
        self.assertEqual(self.widths(img.get("srcset")), ["480w", "800w", "1200w"])
        self.assertEqual((img.get("width"), img.get("height")), ("480", "270"))

    def test_it_never_repeats_a_width_for_a_small_image(self):
        picture = self.render(make_image(width=640, height=360))
        self.assertEqual(self.widths(picture.xpath("./source")[0].get("srcset")), ["480w", "640w"])
        self.assertEqual(self.widths(picture.xpath(".//img")[0].get("srcset")), ["480w", "640w"])

    def test_a_reader_never_makes_renditions_and_gets_the_original_until_they_are_made(self):
        image = make_image(width=1600, height=900)
        img = self.render(image, made=False)
        self.assertEqual(img.tag, "img")
        self.assertEqual((img.get("src"), img.get("width"), img.get("alt")), (image.file.url, "1600", "x"))
        self.assertFalse(NewsRendition.objects.filter(image=image).exists())

    def test_a_named_picture_is_the_specs_publishing_makes(self):
        image = make_image(width=1600, height=900)
        make_renditions.call([image.pk], [])
        picture = lxml.html.fragment_fromstring(
            Template('{% load news_images %}{% news_picture image "teaser" alt="x" %}').render(
                Context({"image": image})
            )
        )
        self.assertEqual(self.widths(picture.xpath(".//img")[0].get("srcset")), ["240w", "480w"])
