"""Uploaded documents reach readers only through Wagtail's document view: private collections stay
private, and nothing is served as a script or a page of this site."""

from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from newsdesk.testing import PASSWORD, make_user

SCRIPT = b"document.title = 'owned';"


def make_document(title, filename, content, collection):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def body(response) -> bytes:
    return b"".join(response.streaming_content)


class DocumentServingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        root = Collection.get_first_root_node()
        cls.private = root.add_child(name="Legal")
        CollectionViewRestriction.objects.create(
            collection=cls.private, restriction_type=CollectionViewRestriction.LOGIN
        )
        cls.contract = make_document("Contract", "contract.pdf", b"%PDF-1.4 settlement terms", cls.private)
        cls.script = make_document("Widget", "widget.js", SCRIPT, root)
        cls.reader = make_user("reader")

    def test_an_anonymous_reader_cannot_read_a_document_in_a_private_collection(self):
        response = self.client.get(self.contract.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/_util/login/"))
        self.client.login(username="reader", password=PASSWORD)
        self.assertEqual(body(self.client.get(self.contract.url)), b"%PDF-1.4 settlement terms")

    def test_the_upload_folder_is_not_reachable_directly(self):
        name = self.contract.file.name  # documents/contract.pdf
        for path in (
            f"/media/{name}",
            f"/media/./{name}",
            f"/media/images/../{name}",
            f"/media/{self.script.file.name}",
        ):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 404, path)
            self.assertNotIn(b"settlement", response.content)

    def test_an_uploaded_script_is_a_download_with_a_type_no_browser_runs(self):
        response = self.client.get(self.script.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(body(response), SCRIPT)
        self.assertTrue(response["Content-Disposition"].startswith("attachment;"), response["Content-Disposition"])
        self.assertEqual(response["Content-Type"], "application/octet-stream")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")

    def test_a_pdf_is_a_download_too(self):
        self.client.login(username="reader", password=PASSWORD)
        response = self.client.get(self.contract.url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response["Content-Disposition"].startswith("attachment;"))
