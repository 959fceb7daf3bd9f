import io

from django.test import SimpleTestCase
from PIL import Image

from newsdesk.demo import artwork


class ArtworkTests(SimpleTestCase):
    def test_the_same_spec_always_draws_the_same_picture(self):
        first = artwork.render("map", palette="sea", seed=7, label="Gwadar")
        again = artwork.render("map", palette="sea", seed=7, label="Gwadar")
        self.assertEqual(first, again)

    def test_another_seed_or_style_draws_another_picture(self):
        base = artwork.render("network", palette="night", seed=1)
        self.assertNotEqual(base, artwork.render("network", palette="night", seed=2))
        self.assertNotEqual(base, artwork.render("chart", palette="night", seed=1))

    def test_every_style_draws_a_news_sized_jpeg(self):
        for style in artwork.STYLES:
            picture = Image.open(io.BytesIO(artwork.render(style, palette="paper", seed=3, label=style)))
            self.assertEqual((picture.format, picture.size), ("JPEG", (artwork.WIDTH, artwork.HEIGHT)), style)
            colours = picture.convert("RGB").resize((64, 36)).getcolors(64 * 36)
            self.assertGreater(len(colours), 20, f"{style} looks blank")

    def test_the_logo_can_be_a_small_square_png(self):
        picture = Image.open(
            io.BytesIO(artwork.render("wordmark", palette="paper", seed=1, size=(320, 320), fmt="PNG"))
        )
        self.assertEqual((picture.format, picture.size), ("PNG", (320, 320)))
