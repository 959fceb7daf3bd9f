"""Search faceted by the entities readers see on each article, on the engine, the reader page and the API."""

import json
from urllib.parse import parse_qs, urlsplit

from django.test import TestCase, override_settings

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery import tasks
from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.engine.indexing import index_pages
from newsdesk.discovery.models import SearchDocument
from newsdesk.entities import merging, review
from newsdesk.entities.models import LinkStatus
from newsdesk.testing import SearchDesk, link_entity, make_editor, make_entity, parse_html, text_of


def entity_counts(results) -> dict[str, int]:
    return {value.value: value.count for value in results.facets["entity"]}


def headlines(results) -> list[str]:
    return sorted(page.title for page in results.pages)


@override_settings(ENTITIES_SHOW_SUGGESTIONS_ABOVE=None)
class EntityFacetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.desk = desk = SearchDesk()
        cls.cpec = make_entity("CPEC", kind="project")
        cls.gwadar = make_entity("Gwadar", kind="place")
        cls.navy = make_entity("Pakistan Navy", kind="organisation")
        link_entity(desk.cranes, cls.cpec)
        link_entity(desk.cranes, cls.gwadar, role="mentions")
        link_entity(desk.tolls, cls.cpec)
        # Suggested (not confirmed, no threshold set) and rejected links are not shown to readers.
        cls.suggested = link_entity(desk.tolls, cls.navy, status=LinkStatus.SUGGESTED)
        link_entity(desk.sensors, cls.gwadar)
        link_entity(desk.sensors, cls.navy, status=LinkStatus.REJECTED)
        # Draft, embargoed, private and withdrawn articles confirm them all: none may count.
        for hidden in (desk.draft, desk.scheduled, desk.private, desk.withdrawn):
            for entity in (cls.cpec, cls.gwadar, cls.navy):
                link_entity(hidden, entity)
        # The links were made inside the test transaction, so their after-commit reindex has not run.
        index_pages(ArticlePage.objects.values_list("pk", flat=True))

    def test_counts_only_published_articles_and_shown_links(self):
        results = search(SearchQuery("harbour"))
        self.assertEqual(entity_counts(results), {"cpec": 2, "gwadar": 2})
        labels = {value.value: value.label for value in results.facets["entity"]}
        self.assertEqual(labels, {"cpec": "CPEC", "gwadar": "Gwadar"})

    def test_entities_combine_or_within_and_across_other_facets(self):
        cpec = search(SearchQuery("harbour", entities=("cpec",)))
        self.assertEqual(headlines(cpec), ["Harbour cranes arrive at Gwadar", "Harbour tolls rise"])
        # Its own choice lifted: Gwadar still counts both its articles; sections count only CPEC's.
        self.assertEqual(entity_counts(cpec), {"cpec": 2, "gwadar": 2})
        self.assertEqual({value.value: value.count for value in cpec.facets["section"]}, {"business": 2})

        either = search(SearchQuery("harbour", entities=("cpec", "gwadar")))
        self.assertEqual(len(either.pages), 3)
        both_kinds = search(SearchQuery("harbour", entities=("gwadar",), sections=("technology",)))
        self.assertEqual(headlines(both_kinds), ["Harbour sensors measure tides"])
        self.assertEqual(entity_counts(both_kinds), {"gwadar": 1})

    def test_a_suggested_rejected_or_hidden_link_never_matches(self):
        results = search(SearchQuery("harbour", entities=("pakistan-navy",)))
        self.assertEqual(results.total, 0)
        self.assertEqual(results.pages, [])
        # Shown as the reader's choice, with nothing behind it; the others count as if it were lifted.
        self.assertEqual(entity_counts(results), {"cpec": 2, "gwadar": 2, "pakistan-navy": 0})

    def test_an_editors_search_counts_drafts_but_never_unshown_links(self):
        results = search(SearchQuery("harbour", entities=("pakistan-navy",), editor=make_editor()))
        found = {page.pk for page in results.pages}
        self.assertTrue(found)
        self.assertNotIn(self.desk.tolls.pk, found)
        self.assertNotIn(self.desk.sensors.pk, found)

    def test_the_reader_page_offers_the_facet_and_narrows_by_it(self):
        tree = parse_html(self.client.get("/search/", {"q": "harbour"}))
        links = tree.xpath('//nav[@aria-label="Filter results"]//section[h3/@id="facet-entity"]//a')
        found = {link.text.strip(): link.get("href") for link in links}
        self.assertEqual(sorted(found), ["CPEC", "Gwadar"])
        self.assertEqual(parse_qs(urlsplit(found["CPEC"]).query), {"q": ["harbour"], "entity": ["cpec"]})

        narrowed = parse_html(self.client.get("/search/", parse_qs(urlsplit(found["CPEC"]).query)))
        titles = sorted(text_of(a) for a in narrowed.xpath('//li[@class="search-result"]/h3/a'))
        self.assertEqual(titles, ["Harbour cranes arrive at Gwadar", "Harbour tolls rise"])
        chips = [text_of(a) for a in narrowed.xpath('//ul[@class="chips"]/li/a[not(@class)]')]
        self.assertEqual(chips, ["Topic: CPEC (remove this filter) ×"])

    def test_the_api_filters_and_counts_by_entity(self):
        response = self.client.get("/api/v1/search/", {"q": "harbour", "entity": ["gwadar", "pakistan-navy"]})
        self.assertEqual(response.status_code, 200, response.content)
        body = json.loads(response.content)
        self.assertEqual(
            sorted(item["headline"] for item in body["items"]),
            ["Harbour cranes arrive at Gwadar", "Harbour sensors measure tides"],
        )
        counts = {value["value"]: value["count"] for value in body["facets"]["entity"]}
        self.assertEqual(counts, {"cpec": 2, "gwadar": 2, "pakistan-navy": 0})


@override_settings(ENTITIES_SHOW_SUGGESTIONS_ABOVE=None)
class EntityFacetFreshnessTests(TestCase):
    """The search row follows what readers see of an article's entities, without a rebuild."""

    @classmethod
    def setUpTestData(cls):
        cls.desk = desk = SearchDesk()
        cls.cpec = make_entity("CPEC", kind="project")
        cls.gwadar = make_entity("Gwadar", kind="place")
        cls.cranes_cpec = link_entity(desk.cranes, cls.cpec)
        cls.tolls_gwadar = link_entity(desk.tolls, cls.gwadar, status=LinkStatus.SUGGESTED)
        index_pages([desk.cranes.pk, desk.tolls.pk])

    def entities_of(self, article) -> str:
        return SearchDocument.objects.get(page_id=article.pk).entities

    def test_confirming_and_rejecting_in_the_panel_reindexes(self):
        self.assertEqual(self.entities_of(self.desk.tolls), "")
        with self.captureOnCommitCallbacks(execute=True):
            review.confirm(self.tolls_gwadar, curate=False)
        self.assertEqual(self.entities_of(self.desk.tolls), "|gwadar|")
        with self.captureOnCommitCallbacks(execute=True):
            review.reject(self.cranes_cpec)
        self.assertEqual(self.entities_of(self.desk.cranes), "")
        self.assertEqual(search(SearchQuery("harbour", entities=("cpec",))).total, 0)

    def test_a_merge_moves_the_facet_value(self):
        with self.captureOnCommitCallbacks(execute=True):
            merging.merge(self.cpec, into=self.gwadar)
        self.assertEqual(self.entities_of(self.desk.cranes), "|gwadar|")
        self.assertEqual(
            headlines(search(SearchQuery("harbour", entities=("gwadar",)))), ["Harbour cranes arrive at Gwadar"]
        )

    def test_a_new_slug_reindexes_the_articles_showing_it(self):
        self.cpec.slug = "china-pakistan-economic-corridor"
        with self.captureOnCommitCallbacks(execute=True):
            self.cpec.save()
        self.assertEqual(self.entities_of(self.desk.cranes), "|china-pakistan-economic-corridor|")
        # A save that leaves the slug alone writes nothing to the index.
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            self.cpec.save(update_fields=["description"])
        queued = [getattr(callback, "func", None) for callback in callbacks]
        self.assertNotIn(tasks.update_search_documents.enqueue, queued)
