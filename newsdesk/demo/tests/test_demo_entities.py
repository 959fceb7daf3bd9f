from django.test import TestCase

from newsdesk.articles.models import ArticlePage
from newsdesk.demo import content
from newsdesk.demo.loader import load_demo
from newsdesk.entities.models import ArticleEntity, Entity, LinkStatus


class DemoEntitiesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo(base_url="http://testserver")
        cls.lead = ArticlePage.objects.get(slug=content.LEAD["slug"])

    def confirmed_on_lead(self) -> dict:
        links = ArticleEntity.objects.visible_to_readers().filter(article=self.lead).select_related("entity")
        return {link.entity.name: link.entity.kind for link in links}

    def test_the_lead_shows_its_people_places_organisations_and_projects_confirmed(self):
        confirmed = self.confirmed_on_lead()
        for name, kind in [
            ("Asif Ali Zardari", "person"),
            ("Xi Jinping", "person"),
            ("Beijing", "place"),
            ("Gwadar", "place"),
            ("United Nations", "organisation"),
            ("CPEC", "project"),
            ("Main Line 1", "project"),
            ("Karakoram Highway", "project"),
        ]:
            self.assertEqual(confirmed.get(name), kind, name)

    def test_every_demo_article_about_cpec_is_linked_to_it(self):
        cpec = Entity.objects.get(name="CPEC")
        linked = set(cpec.article_links.filter(status=LinkStatus.CONFIRMED).values_list("article__slug", flat=True))
        self.assertIn("five-corridors-one-ledger-upgraded-cpec", linked)
        self.assertIn("explainer-cpec-five-corridors-5es", linked)

    def test_loading_again_keeps_an_editors_rejection(self):
        link = ArticleEntity.objects.get(article=self.lead, entity__name="Gaza")
        link.status = LinkStatus.REJECTED
        link.save()
        load_demo(base_url="http://testserver")
        link.refresh_from_db()
        self.assertEqual(link.status, LinkStatus.REJECTED)
        self.assertEqual(Entity.objects.filter(name="CPEC").count(), 1)
