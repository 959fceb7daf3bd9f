from django.test import TestCase
from django.urls import reverse

from newsdesk.entities.merging import merge
from newsdesk.entities.models import ArticleEntity, Entity, EntityAlias
from newsdesk.testing import PASSWORD, DeskPersonas, make_article


class MergeTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.one = make_article(cls.business, "One")
        cls.two = make_article(cls.business, "Two")
        cls.xi = Entity.objects.create(
            name="Xi Jinping", kind="person", same_as=["https://www.wikidata.org/wiki/Q15031"]
        )
        cls.dup = Entity.objects.create(name="President Xi", kind="person", description="China's president.")
        EntityAlias.objects.create(entity=cls.dup, name="Xi")
        ArticleEntity.objects.create(
            article=cls.one,
            entity=cls.xi,
            mention_count=2,
            first_mention=50,
            first_mention_snippet="later",
            status="suggested",
        )
        ArticleEntity.objects.create(
            article=cls.one,
            entity=cls.dup,
            mention_count=3,
            first_mention=10,
            first_mention_snippet="earlier",
            status="confirmed",
            role="about",
        )
        ArticleEntity.objects.create(article=cls.two, entity=cls.dup, mention_count=1, status="rejected")

    def test_names_links_and_the_old_address_carry_over(self):
        merge(self.dup, self.xi)
        self.assertFalse(Entity.objects.filter(pk=self.dup.pk).exists())
        self.assertEqual(sorted(self.xi.aliases.values_list("name", flat=True)), ["President Xi", "Xi"])
        joined = ArticleEntity.objects.get(article=self.one)
        self.assertEqual(
            (joined.entity, joined.mention_count, joined.first_mention_snippet, joined.status, joined.role),
            (self.xi, 5, "earlier", "confirmed", "about"),
        )
        self.assertEqual(ArticleEntity.objects.get(article=self.two).status, "rejected")
        self.assertEqual(list(Entity.objects.for_slug("president-xi")), [self.xi])
        self.xi.refresh_from_db()
        self.assertEqual(self.xi.description, "China's president.")
        self.assertEqual(list(Entity.objects.named("xi")), [self.xi])

    def test_only_those_allowed_to_merge_see_and_use_the_merge_screen(self):
        url = reverse("entities_merge", args=[self.dup.pk])
        self.client.login(username=self.editor.username, password=PASSWORD)
        self.assertRedirects(self.client.post(url, {"into": self.xi.pk}), reverse("wagtailadmin_home"))
        self.assertTrue(Entity.objects.filter(pk=self.dup.pk).exists())
        self.client.login(username=self.chief.username, password=PASSWORD)
        listing = self.client.get(reverse("wagtailsnippets_entities_entity:list"))
        self.assertContains(listing, url)
        response = self.client.post(url, {"into": self.xi.pk})
        self.assertRedirects(response, reverse("wagtailsnippets_entities_entity:edit", args=[self.xi.pk]))
        self.assertFalse(Entity.objects.filter(pk=self.dup.pk).exists())
