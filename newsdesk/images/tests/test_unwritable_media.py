"""When the media storage refuses writes (a full disk, read-only media), reader pages show the original image
and log why, and an upload is refused with a form error that says what is wrong."""

import errno
import io
import json

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image as PILImage

from newsdesk.images.models import NewsImage, NewsRendition
from newsdesk.testing import make_article, make_author, make_editor, make_image, make_section, parse_html, text_of


class FullDiskStorage(FileSystemStorage):
    """The media folder of a machine whose disk has filled up: files can be read, none written."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device", name)


FULL_DISK = override_settings(
    STORAGES={
        "default": {"BACKEND": f"{__name__}.FullDiskStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
)


@FULL_DISK
class ReaderPagesOnAFullDiskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")
        with override_settings(
            STORAGES={
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }
        ):
            cls.image = make_image("Harbour", width=1600, height=900, alt_text="Cranes over the harbour")
        cls.article = make_article(
            cls.section,
            "Ports reopen",
            authors=[make_author("Ana Ruiz")],
            hero_image=cls.image,
            body=[("image", {"image": cls.image, "caption": "", "credit": ""})],
        )

    def setUp(self):
        cache.clear()  # renditions are cached by image id, which repeats across tests

    def test_publishing_logs_why_the_renditions_were_not_made(self):
        with self.assertLogs("newsdesk.images.models", "WARNING") as logs:
            self.article.save_revision().publish()  # the worker makes the renditions when an article goes out
        self.assertIn("No space left on device", "\n".join(logs.output))
        self.assertFalse(NewsRendition.objects.exists())

    def test_reader_pages_answer_with_the_original_image(self):
        original = self.image.file.url
        for url in ("/", self.section.url, self.article.url):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                images = parse_html(response).xpath("//main//img[@alt='Cranes over the harbour']")
                self.assertTrue(images)
                self.assertEqual({img.get("src") for img in images}, {original})
        self.assertFalse(NewsRendition.objects.exists())

    def test_the_article_head_and_json_ld_point_at_the_original(self):
        page = parse_html(self.client.get(self.article.url))
        self.assertTrue(page.xpath("//meta[@property='og:image']/@content")[0].endswith(self.image.file.url))
        graph = [json.loads(script.text) for script in page.xpath("//script[@type='application/ld+json']")]
        self.assertIn(self.image.file.url, json.dumps(graph))

    def test_the_api_list_and_detail_answer(self):
        for url in (
            "/api/v1/articles/",
            f"/api/v1/articles/{self.article.pk}/",
            f"/ninjs/articles/{self.article.pk}.json",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(self.image.file.url, response.content.decode())

    def test_renditions_are_made_once_the_disk_has_room_again(self):
        self.client.get(self.article.url)
        with override_settings(
            STORAGES={
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }
        ):
            self.article.save_revision().publish()
            page = parse_html(self.client.get(self.article.url))
        sources = page.xpath("//main//picture/source/@srcset")
        self.assertTrue(sources and all("/media/images/" in srcset for srcset in sources), sources)


@FULL_DISK
class UploadOnAFullDiskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def png(self) -> SimpleUploadedFile:
        buffer = io.BytesIO()
        PILImage.new("RGB", (40, 30)).save(buffer, format="PNG")
        return SimpleUploadedFile("photo.png", buffer.getvalue())

    def test_the_upload_form_says_the_media_folder_cannot_be_written(self):
        response = self.client.post(
            reverse("wagtailimages:add"),
            {"title": "Upload", "alt_text": "A picture", "credit": "Reuters", "file": self.png()},
        )
        self.assertEqual(response.status_code, 200)
        errors = " ".join(text_of(e) for e in parse_html(response).xpath('//*[contains(@class, "error-message")]'))
        self.assertIn("The media folder cannot be written (the disk is full)", errors)
        self.assertFalse(NewsImage.objects.exists())

    def test_the_multiple_upload_says_why_instead_of_something_went_wrong(self):
        response = self.client.post(reverse("wagtailimages:add_multiple"), {"files[]": self.png()})
        self.assertEqual(response.status_code, 200)
        answer = json.loads(response.content)
        self.assertFalse(answer["success"])
        self.assertIn("The media folder cannot be written (the disk is full)", answer["error_message"])
        self.assertFalse(NewsImage.objects.exists())
