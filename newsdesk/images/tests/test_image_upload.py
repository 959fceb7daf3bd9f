import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image as PILImage

from newsdesk.images.models import NewsImage
from newsdesk.testing import make_editor, parse_html, text_of


def png_bytes(width, height, mode="RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


class ImageUploadTests(TestCase):
    """The admin's image library refuses files that are not images or would exhaust memory."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def upload(self, name, content, alt_text="A described picture"):
        return self.client.post(
            reverse("wagtailimages:add"),
            {"title": "Upload", "alt_text": alt_text, "credit": "Reuters", "file": SimpleUploadedFile(name, content)},
        )

    def errors(self, response) -> str:
        self.assertEqual(response.status_code, 200)
        return " ".join(text_of(e) for e in parse_html(response).xpath('//*[contains(@class, "error-message")]'))

    def test_it_refuses_a_file_that_is_not_an_image(self):
        response = self.upload("report.png", b"%PDF-1.4 this is not a picture")
        self.assertIn("not an image", self.errors(response))
        self.assertFalse(NewsImage.objects.exists())

    def test_it_refuses_a_decompression_bomb(self):
        # 8,200 x 8,200 one-bit pixels: a few kilobytes on disk, 67 megapixels once decoded.
        bomb = png_bytes(8200, 8200, mode="1")
        self.assertLess(len(bomb), 200_000)
        response = self.upload("bomb.png", bomb)
        self.assertIn("pixels", self.errors(response))
        self.assertFalse(NewsImage.objects.exists())

    def test_it_requires_alt_text(self):
        response = self.upload("photo.png", png_bytes(40, 30), alt_text="")
        self.assertIn("Describe the image", self.errors(response))
        self.assertFalse(NewsImage.objects.exists())

    def test_it_accepts_a_real_image_with_alt_text_and_credit(self):
        response = self.upload("photo.png", png_bytes(40, 30))
        self.assertEqual(response.status_code, 302)
        image = NewsImage.objects.get()
        self.assertEqual(
            (image.width, image.height, image.alt_text, image.credit_line),
            (40, 30, "A described picture", "Image: Reuters"),
        )

    def test_it_refuses_an_svg_which_could_carry_script(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
        response = self.upload("logo.svg", svg)
        self.assertIn("Not a supported image format", self.errors(response))
        self.assertFalse(NewsImage.objects.exists())

    def test_it_refuses_a_truncated_gif_with_a_form_error(self):
        # A GIF header with a screen size, then nothing an image decoder can read: 29 bytes.
        broken = (
            b"GIF89a\x10\x00\x10\x00\x80\x00\x00"
            + b"\xff\x00\x00\x00\x00\x00"
            + b",\x00\x00\x00\x00\x10\x00\x10\x00\x00"
        )
        self.assertEqual(len(broken), 29)
        response = self.upload("broken.gif", broken)
        self.assertIn("could not be read", self.errors(response))
        self.assertFalse(NewsImage.objects.exists())
