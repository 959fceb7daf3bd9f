from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from newsdesk.entities.models import ArticleEntity, Entity, EntityAlias, LinkStatus
from newsdesk.testing import make_article, make_editor, make_section


class EntityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.xi = Entity.objects.create(name="Xi Jinping", kind="person")
        EntityAlias.objects.create(entity=cls.xi, name="President Xi")

    def test_a_slug_is_made_from_the_name_and_kept_free(self):
        twin = Entity.objects.create(name="Xi Jinping", kind="person")
        self.assertEqual((self.xi.slug, twin.slug), ("xi-jinping", "xi-jinping-2"))

    def test_it_is_found_by_its_name_or_any_alias_whatever_the_case_and_spacing(self):
        for name in ["xi  jinping", "PRESIDENT XI", "The President Xi"]:
            self.assertEqual(list(Entity.objects.named(name)), [self.xi], name)

    def test_an_alias_belongs_to_one_entity_only(self):
        other = Entity.objects.create(name="Someone else", kind="person")
        with self.assertRaises(ValidationError):
            EntityAlias(entity=other, name="president  xi").full_clean()

    def test_same_as_takes_web_addresses_only(self):
        self.xi.same_as = ["https://www.wikidata.org/wiki/Q15031", "javascript:alert(1)"]
        with self.assertRaises(ValidationError):
            self.xi.full_clean()


class VisibilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("World")
        cls.published = make_article(section, "Published")
        cls.draft = make_article(section, "Draft", publish=False)
        cls.cpec = Entity.objects.create(name="CPEC", kind="project")
        cls.confirmed = ArticleEntity.objects.create(
            article=cls.published, entity=cls.cpec, status=LinkStatus.CONFIRMED, confidence=1
        )
        cls.on_draft = ArticleEntity.objects.create(
            article=cls.draft, entity=cls.cpec, status=LinkStatus.CONFIRMED, confidence=1
        )

    def test_readers_see_confirmed_links_of_published_articles_only(self):
        self.assertEqual(list(ArticleEntity.objects.visible_to_readers()), [self.confirmed])
        self.assertEqual(Entity.objects.with_published_articles().get().published_article_count, 1)

    def test_suggestions_show_only_above_the_configured_confidence(self):
        gwadar = Entity.objects.create(name="Gwadar", kind="place")
        link = ArticleEntity.objects.create(article=self.published, entity=gwadar, confidence=0.95)
        self.assertNotIn(link, ArticleEntity.objects.visible_to_readers())
        with override_settings(ENTITIES_SHOW_SUGGESTIONS_ABOVE=0.9):
            self.assertIn(link, ArticleEntity.objects.visible_to_readers())
        with override_settings(ENTITIES_SHOW_SUGGESTIONS_ABOVE=0.97):
            self.assertNotIn(link, ArticleEntity.objects.visible_to_readers())


class EntityFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_editor()

    def test_an_editor_adds_an_entity_with_aliases_and_same_as_links_one_a_line(self):
        self.client.force_login(self.editor)
        data = nested_form_data(
            {
                "name": "Main Line 1",
                "kind": "project",
                "slug": "",
                "is_curated": "on",
                "description": "The Karachi-Peshawar railway upgrade.",
                "same_as": "https://www.wikidata.org/wiki/Q6735920\nhttps://example.org/ml1",
                "aliases": inline_formset([{"name": "ML-1"}]),
            }
        )
        response = self.client.post("/admin/snippets/entities/entity/add/", data)
        self.assertEqual(response.status_code, 302)
        entity = Entity.objects.get(name="Main Line 1")
        self.assertEqual(entity.same_as, ["https://www.wikidata.org/wiki/Q6735920", "https://example.org/ml1"])
        self.assertEqual(list(Entity.objects.named("ml-1")), [entity])
        edit = self.client.get(f"/admin/snippets/entities/entity/edit/{entity.pk}/")
        self.assertContains(edit, "https://www.wikidata.org/wiki/Q6735920\nhttps://example.org/ml1</textarea>")
