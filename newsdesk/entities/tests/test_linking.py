import io

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend
from wagtail.rich_text import RichText

from newsdesk.entities.linking import extract_and_link
from newsdesk.entities.models import ArticleEntity, Entity, EntityAlias, LinkStatus
from newsdesk.testing import make_article, make_section

BODY = [
    (
        "paragraph",
        RichText(
            "<p>President Asif Ali Zardari arrived in Beijing for talks with President Xi on CPEC and the "
            "Karakoram Highway. Zardari said the corridor would reach Gwadar in Pakistan.</p>"
        ),
    )
]


def links_of(article) -> dict:
    return dict(ArticleEntity.objects.filter(article=article).values_list("entity__name", "status"))


class LinkingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")
        cls.cpec = Entity.objects.create(name="CPEC", kind="project")
        cls.xi = Entity.objects.create(name="Xi Jinping", kind="person")
        EntityAlias.objects.create(entity=cls.xi, name="President Xi")
        cls.article = make_article(cls.section, "Zardari in Beijing", standfirst="A corridor renewed.", body=BODY)

    def test_it_links_curated_and_new_entities_as_suggestions(self):
        extract_and_link([self.article])
        links = links_of(self.article)
        for name in ["CPEC", "Xi Jinping", "Asif Ali Zardari", "Beijing", "Gwadar", "Pakistan", "Karakoram Highway"]:
            self.assertEqual(links.get(name), "suggested", name)
        zardari = Entity.objects.get(name="Asif Ali Zardari")
        self.assertFalse(zardari.is_curated)
        self.assertEqual(
            ArticleEntity.objects.get(entity=zardari).mention_count, 3
        )  # "Zardari" in the headline, then the full name, then "Zardari said"

    def test_rejected_and_confirmed_links_survive_the_next_extraction(self):
        extract_and_link([self.article])
        ArticleEntity.objects.filter(entity__name="Beijing").update(status=LinkStatus.REJECTED)
        ArticleEntity.objects.filter(entity=self.cpec).update(status=LinkStatus.CONFIRMED)
        extract_and_link([self.article])
        links = links_of(self.article)
        self.assertEqual((links["Beijing"], links["CPEC"]), ("rejected", "confirmed"))

    def test_suggestions_the_new_text_no_longer_supports_go_away(self):
        extract_and_link([self.article])
        ArticleEntity.objects.filter(entity=self.cpec).update(status=LinkStatus.CONFIRMED)
        self.article.body = [("paragraph", RichText("<p>Nothing named here.</p>"))]
        self.article.save_revision()
        extract_and_link([self.article])
        # The headline still names Beijing ("Zardari", opening it and named nowhere else, reads as any
        # capitalised first word); the body's names went with the body.
        self.assertEqual(links_of(self.article), {"CPEC": "confirmed", "Beijing": "suggested"})

    def test_the_back_fill_is_idempotent(self):
        out = io.StringIO()
        call_command("extract-entities", verbosity=0, stdout=out)
        first = list(ArticleEntity.objects.order_by("pk").values_list("pk", "entity_id", "mention_count", "status"))
        call_command("extract-entities", verbosity=0, processes=2, stdout=out)  # the model in worker processes
        again = list(ArticleEntity.objects.order_by("pk").values_list("pk", "entity_id", "mention_count", "status"))
        self.assertEqual(first, again)
        self.assertIn("Extracted entities from 1 articles", out.getvalue())
        self.assertEqual(Entity.objects.filter(name="Asif Ali Zardari").count(), 1)


@override_settings(
    ENTITIES_EXTRACT_ON_SAVE=True,
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default", "reader-caches"]}},
)
class OnSaveTests(TestCase):
    def test_saving_or_publishing_an_article_queues_its_extraction(self):
        section = make_section("World")
        default_task_backend.clear()
        with self.captureOnCommitCallbacks(execute=True):
            article = make_article(section, "Zardari in Beijing", body=BODY)
        queued = [result for result in default_task_backend.results if result.task.name == "extract_article_entities"]
        self.assertEqual({result.args[0] for result in queued}, {article.pk})
        self.assertFalse(ArticleEntity.objects.exists())  # nothing ran in the editor's request


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default", "reader-caches"]}},
    ENTITIES_SHOW_SUGGESTIONS_ABOVE=0.0,
)
class ShownLinksTests(TestCase):
    """Seven links on a published article begin to show in one extraction: the article's related list and search
    document are queued once each, not once per link, and an editor's later review reads no row again."""

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_section("World"), "Zardari in Beijing", body=BODY)

    def queued(self, task_name):
        return [result.args[0] for result in default_task_backend.results if result.task.name == task_name]

    def test_an_extraction_queues_the_article_once_however_many_links_begin_to_show(self):
        default_task_backend.clear()
        with self.captureOnCommitCallbacks(execute=True):
            extract_and_link([self.article])
        self.assertGreaterEqual(ArticleEntity.objects.shown().filter(article=self.article).count(), 7)
        self.assertEqual(self.queued("refresh_related_articles"), [self.article.pk])
        self.assertEqual(self.queued("update_search_documents"), [[self.article.pk]])

    def test_an_extraction_that_changes_nothing_readers_see_queues_nothing(self):
        with self.captureOnCommitCallbacks(execute=True):
            extract_and_link([self.article])
        default_task_backend.clear()
        with self.captureOnCommitCallbacks(execute=True):
            extract_and_link([self.article])
        self.assertEqual(self.queued("refresh_related_articles"), [])
        self.assertEqual(self.queued("update_search_documents"), [])

    def test_rejecting_a_shown_link_queues_its_article_and_reads_no_link_or_entity_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            extract_and_link([self.article])
        link = ArticleEntity.objects.get(article=self.article, entity__name="Gwadar")
        default_task_backend.clear()
        link.status = LinkStatus.REJECTED
        with self.captureOnCommitCallbacks(execute=True), CaptureQueriesContext(connection) as queries:
            link.save()
        reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
        self.assertEqual([sql for sql in reads if "entities_articleentity" in sql], [])
        # No Varnish or CDN is configured here, so nothing needs the entity's addresses.
        self.assertEqual([sql for sql in reads if 'FROM "entities_entity"' in sql], [])
        self.assertEqual(self.queued("refresh_related_articles"), [self.article.pk])
        self.assertEqual(self.queued("update_search_documents"), [[self.article.pk]])
