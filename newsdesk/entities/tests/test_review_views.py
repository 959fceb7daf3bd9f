from django.test import TestCase
from django.urls import reverse

from newsdesk.entities.models import ArticleEntity, Entity, EntityAlias, LinkStatus
from newsdesk.testing import PASSWORD, DeskPersonas, parse_html, text_of


class ReviewTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()
        cls.draft = cls.article_by(cls.contributor, cls.business, title="Corridor talks")
        cls.others = cls.article_by(cls.other_contributor, cls.business, title="Someone else's draft")
        cls.cpec = Entity.objects.create(name="CPEC", kind="project")
        cls.corridor = Entity.objects.create(
            name="China-Pakistan Economic Corridor", kind="organisation", is_curated=False
        )
        cls.gwadar = Entity.objects.create(name="Gwadar", kind="organisation", is_curated=False)
        cls.gwadar_link = cls.link(cls.draft, cls.gwadar, "Gwadar would become a hub.")
        cls.corridor_link = cls.link(cls.draft, cls.corridor, "Talks on the China-Pakistan Economic Corridor.")
        cls.others_link = cls.link(cls.others, cls.gwadar, "Gwadar again.")

    @staticmethod
    def link(article, entity, snippet):
        return ArticleEntity.objects.create(
            article=article, entity=entity, mention_count=2, first_mention_snippet=snippet, confidence=0.6
        )

    def login(self, user):
        self.client.login(username=user.username, password=PASSWORD)

    def act(self, link, action, **data):
        url = reverse("entities_link", args=[link.article_id, link.pk])
        return self.client.post(url, {"entities-action": action, **data}, headers={"X-Entities-Panel": "1"})

    def test_the_edit_screen_shows_the_suggestions_with_their_snippets(self):
        self.login(self.contributor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.draft.pk]))
        self.assertEqual(response.status_code, 200)
        panel = parse_html(response).get_element_by_id("entities-panel")
        self.assertIn("2 suggestions to review", text_of(panel))
        self.assertIn("Gwadar would become a hub.", [text_of(q) for q in panel.iter("q")])

    def test_a_contributor_accepts_and_rejects_on_their_own_draft(self):
        self.login(self.contributor)
        response = self.act(self.gwadar_link, "confirm")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Gwadar: confirmed.", text_of(parse_html(response)))
        self.act(self.corridor_link, "reject")
        statuses = dict(ArticleEntity.objects.filter(article=self.draft).values_list("entity__name", "status"))
        self.assertEqual(statuses, {"Gwadar": "confirmed", "China-Pakistan Economic Corridor": "rejected"})
        self.gwadar.refresh_from_db()
        self.assertFalse(self.gwadar.is_curated)  # a contributor's confirmation does not curate the registry

    def test_a_contributor_cannot_review_someone_elses_draft(self):
        self.login(self.contributor)
        self.assertEqual(self.act(self.others_link, "confirm").status_code, 403)
        page = self.client.get(reverse("entities_article", args=[self.others.pk]))
        self.assertRedirects(page, reverse("wagtailadmin_home"))  # the admin's refusal
        self.others_link.refresh_from_db()
        self.assertEqual(self.others_link.status, LinkStatus.SUGGESTED)

    def test_a_contributor_can_neither_change_kinds_nor_merge(self):
        self.login(self.contributor)
        self.assertEqual(
            self.act(self.gwadar_link, "kind", **{f"entities-kind-{self.gwadar_link.pk}": "place"}).status_code, 403
        )
        self.assertEqual(
            self.act(self.corridor_link, "merge", **{f"entities-into-{self.corridor_link.pk}": "CPEC"}).status_code, 403
        )
        self.assertEqual(Entity.objects.get(pk=self.gwadar.pk).kind, "organisation")
        self.assertTrue(Entity.objects.filter(pk=self.corridor.pk).exists())

    def test_a_chief_editor_changes_a_kind_and_merges_a_duplicate(self):
        self.login(self.chief)
        self.act(self.gwadar_link, "kind", **{f"entities-kind-{self.gwadar_link.pk}": "place"})
        response = self.act(self.corridor_link, "merge", **{f"entities-into-{self.corridor_link.pk}": "cpec"})
        self.assertIn("China-Pakistan Economic Corridor merged into CPEC.", text_of(parse_html(response)))
        self.assertEqual(Entity.objects.get(pk=self.gwadar.pk).kind, "place")
        self.assertEqual(
            list(EntityAlias.objects.filter(entity=self.cpec).values_list("name", flat=True)),
            ["China-Pakistan Economic Corridor"],
        )
        self.assertEqual(ArticleEntity.objects.get(pk=self.corridor_link.pk).entity, self.cpec)

    def test_merging_into_an_unknown_name_says_so(self):
        self.login(self.chief)
        response = self.act(self.corridor_link, "merge", **{f"entities-into-{self.corridor_link.pk}": "Nowhere"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("No entity is called 'Nowhere'", text_of(parse_html(response)))

    def test_a_section_editor_adds_a_missing_entity_and_a_contributor_only_links_known_ones(self):
        self.login(self.editor)
        business_draft = self.article_by(self.editor, self.business, title="Port news")
        url = reverse("entities_add", args=[business_draft.pk])
        self.client.post(url, {"entities-name": "Gwadar Port", "entities-new-kind": "place"})
        link = ArticleEntity.objects.get(article=business_draft, entity__name="Gwadar Port")
        self.assertEqual((link.status, link.source), ("confirmed", "editor"))
        self.login(self.contributor)
        url = reverse("entities_add", args=[self.draft.pk])
        response = self.client.post(url, {"entities-name": "New Thing", "entities-new-kind": "topic"}, follow=True)
        self.assertIn("your role cannot create one", text_of(parse_html(response)))
        self.client.post(url, {"entities-name": "gwadar port"})
        self.assertTrue(ArticleEntity.objects.filter(article=self.draft, entity__name="Gwadar Port").exists())

    def test_the_review_page_works_without_the_panel_script(self):
        self.login(self.contributor)
        url = reverse("entities_link", args=[self.draft.pk, self.gwadar_link.pk])
        response = self.client.post(url, {"entities-action": "reject"})
        self.assertRedirects(response, reverse("entities_article", args=[self.draft.pk]))
        page = self.client.get(response.url)
        rows = parse_html(page).xpath("//tr[@data-entities-row]")
        self.assertIn(
            ("Gwadar", "rejected"),
            [(text_of(row.find_class("entities-name")[0]), row.get("data-status")) for row in rows],
        )
