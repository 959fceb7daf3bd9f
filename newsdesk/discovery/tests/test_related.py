"""Related articles: computed on publish from shared entities and wording, with reasons; pinned and excluded by
editors; never a draft, private, scheduled or unpublished article."""

from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from newsdesk.discovery import related
from newsdesk.discovery.models import RelatedArticle
from newsdesk.discovery.related import Corpus, Document
from newsdesk.entities.models import LinkStatus
from newsdesk.testing import EntityNewsroom, link_entity, make_article, make_editor, make_user, parse_html, text_of


def related_titles(client, article) -> list[str]:
    tree = parse_html(client.get(article.url))
    return [text_of(a) for a in tree.xpath("//section[@id='related']//h3/a")]


class RelatedArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = EntityNewsroom()
        cls.analysis = cls.room.by_kind["analysis"]
        related.refresh_all()
        cls.editor = make_editor()

    def test_the_back_fill_gives_each_published_article_its_neighbours_with_reasons(self):
        rows = {row.related_id: row for row in RelatedArticle.objects.filter(article=self.room.lead)}
        self.assertEqual(rows[self.room.background.pk].reason, "shares CPEC")
        self.assertEqual(rows[self.analysis.pk].reason, "shares CPEC and Gwadar")
        # Both share CPEC; what else decides their order is the weighting's business (ScoringTests).
        self.assertGreater(min(rows[self.analysis.pk].score, rows[self.room.background.pk].score), 0)

    def test_no_hidden_article_is_ever_related(self):
        hidden = [self.room.draft.pk, self.room.private.pk, self.room.scheduled.pk, self.room.withdrawn.pk]
        self.assertFalse(RelatedArticle.objects.filter(related_id__in=hidden).exists())
        self.assertFalse(RelatedArticle.objects.filter(article_id__in=hidden).exists())
        content = self.client.get(self.room.lead.url).content.decode()
        for title in self.room.hidden_titles:
            self.assertNotIn(title, content)

    def test_the_article_shows_its_related_pieces_in_a_labelled_section(self):
        tree = parse_html(self.client.get(self.room.lead.url))
        section = tree.xpath("//section[@id='related']")[0]
        self.assertEqual(section.get("aria-labelledby"), "related-title")
        self.assertEqual(text_of(section.xpath(".//h2")[0]), "Related")
        titles = related_titles(self.client, self.room.lead)
        self.assertCountEqual(titles[:2], [self.analysis.title, self.room.background.title])
        self.assertLessEqual(len(titles), 5)
        self.assertEqual(tree.xpath("//section[@id='recent']//h2/text()"), ["Recent"])  # Recent stays

    def test_publishing_computes_the_new_article_s_list_and_offers_it_to_its_neighbours(self):
        new = make_article(self.room.world, "Gwadar port opens a new berth for corridor trade", publish=False)
        link_entity(new, self.room.gwadar, "about")
        link_entity(new, self.room.cpec, "about")
        with self.captureOnCommitCallbacks(execute=True):
            new.save_revision().publish()
        reasons = dict(RelatedArticle.objects.filter(article=new).values_list("related_id", "reason"))
        self.assertEqual(reasons[self.room.lead.pk], "shares CPEC and Gwadar")
        self.assertNotIn(self.room.draft.pk, reasons)
        self.assertIn(new.title, related_titles(self.client, self.room.lead))

    def test_an_article_taken_offline_leaves_every_related_list_at_once(self):
        self.room.background.unpublish()  # no recomputation: the read filters it
        self.assertNotIn(self.room.background.title, related_titles(self.client, self.room.lead))

    def review_link(self, link, action):
        self.client.force_login(self.editor)
        url = reverse("entities_link", args=[link.article_id, link.pk])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"entities-action": action}, headers={"X-Entities-Panel": "1"})
        self.assertEqual(response.status_code, 200)

    def test_confirming_or_rejecting_a_link_on_a_published_article_recomputes_its_list(self):
        new = make_article(self.room.world, "Quarterly figures from the harbour authority")
        link = link_entity(new, self.room.gwadar, "about", status=LinkStatus.SUGGESTED)
        related.refresh_related(new.pk)
        reasons = dict(RelatedArticle.objects.filter(article=new).values_list("related_id", "reason"))
        self.assertNotEqual(reasons.get(self.analysis.pk), "shares Gwadar")  # a suggestion shows nowhere yet

        self.review_link(link, "confirm")
        reasons = dict(RelatedArticle.objects.filter(article=new).values_list("related_id", "reason"))
        self.assertEqual(reasons[self.analysis.pk], "shares Gwadar")
        self.assertIn(new.title, related_titles(self.client, self.analysis))  # offered to the neighbour's list

        self.review_link(link, "reject")
        reasons = dict(RelatedArticle.objects.filter(article=new).values_list("related_id", "reason"))
        self.assertNotIn("shares Gwadar", reasons.values())

    # -- the editor's choices ---------------------------------------------------------------------------

    def change(self, action, related_article):
        self.client.force_login(self.editor)
        return self.client.post(
            f"/admin/related/{self.room.lead.pk}/change/", {"action": action, "related": related_article.pk}
        )

    def test_the_editor_reads_the_reasons_on_the_article_s_related_screen(self):
        self.client.force_login(self.editor)
        tree = parse_html(self.client.get(f"/admin/related/{self.room.lead.pk}/"))
        rows = {
            text_of(tr.xpath("./td[1]")[0]): text_of(tr.xpath("./td[2]")[0])
            for tr in tree.xpath("//table[contains(@class, 'related-articles')]/tbody/tr")
        }
        self.assertEqual(rows[self.analysis.title], "shares CPEC and Gwadar")
        edit = parse_html(self.client.get(f"/admin/pages/{self.room.lead.pk}/edit/"))
        self.assertIn(f"/admin/related/{self.room.lead.pk}/", edit.xpath("//a/@href"))

    def test_an_excluded_article_is_never_shown_even_after_recomputing(self):
        self.assertEqual(self.change("exclude", self.analysis).status_code, 302)
        related.refresh_related(self.room.lead.pk)
        self.assertTrue(RelatedArticle.objects.get(article=self.room.lead, related=self.analysis).excluded)
        self.assertNotIn(self.analysis.title, related_titles(self.client, self.room.lead))

    def test_a_pinned_article_comes_first_whatever_its_score(self):
        interview = self.room.by_kind["interview"]
        self.client.force_login(self.editor)
        tree = parse_html(self.client.get(f"/admin/related/{self.room.lead.pk}/?q=interview"))
        self.assertIn(interview.title, text_of(tree.xpath("//ul[@class='related-found']")[0]))
        self.change("pin", interview)
        related.refresh_related(self.room.lead.pk)
        self.assertEqual(related_titles(self.client, self.room.lead)[0], interview.title)
        self.change("reset", interview)
        self.assertFalse(RelatedArticle.objects.get(article=self.room.lead, related=interview).pinned)

    def test_only_people_who_may_edit_the_article_see_or_change_its_list(self):
        self.client.force_login(make_user("reader_only", is_staff=False))
        self.assertNotEqual(self.client.get(f"/admin/related/{self.room.lead.pk}/").status_code, 200)
        self.client.post(
            f"/admin/related/{self.room.lead.pk}/change/", {"action": "exclude", "related": self.analysis.pk}
        )
        self.assertFalse(RelatedArticle.objects.filter(excluded=True).exists())


class ScoringTests(SimpleTestCase):
    """The weighting on its own: roles, rarity and wording, over plain documents."""

    def corpus(self):
        return Corpus(
            [
                Document(1, "Port works at Gwadar", [("cpec", "CPEC", "about"), ("china", "China", "about")]),
                Document(2, "Tariffs and trade", [("china", "China", "about"), ("cpec", "CPEC", "mentions")]),
                Document(3, "Corridor finance", [("cpec", "CPEC", "about")]),
                Document(4, "Beijing summit", [("china", "China", "about")]),
                Document(5, "Beijing summit", [("china", "China", "about")]),
                Document(6, "Monsoon rains flood Karachi streets", []),
                Document(7, "Karachi streets flood again as monsoon rains return", []),
            ]
        )

    def test_a_rarer_shared_entity_counts_more_than_a_common_one(self):
        scores = {match.other: match.score for match in self.corpus().matches(3)}
        self.assertGreater(scores[1], scores.get(4, 0))

    def test_what_a_piece_is_about_counts_more_than_what_it_mentions(self):
        scores = {match.other: match.score for match in self.corpus().matches(3)}
        self.assertGreater(scores[1], scores[2])

    def test_wording_relates_pieces_with_no_entity_in_common(self):
        best = self.corpus().matches(6)[0]
        self.assertEqual(best.other, 7)
        self.assertTrue(best.reason.startswith("similar wording: "), best.reason)

    def test_a_shared_place_counts_less_than_a_shared_organisation_as_rare(self):
        corpus = Corpus(
            [
                Document(
                    1, "Talks", [("brussels", "Brussels", "about", "place"), ("asml", "ASML", "about", "organisation")]
                ),
                Document(2, "Summit", [("brussels", "Brussels", "about", "place")]),
                Document(3, "Export rules", [("asml", "ASML", "about", "organisation")]),
            ]
        )
        scores = {match.other: match.score for match in corpus.matches(1)}
        self.assertGreater(scores[3], scores[2])
        self.assertEqual(corpus.reason(1, 3), "shares ASML")
