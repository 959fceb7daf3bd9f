"""search(SearchQuery) on the database under test (SQLite FTS5 or PostgreSQL full-text)."""

from datetime import timedelta
from unittest.mock import patch

import lxml.html
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.engine.backends import get_backend
from newsdesk.discovery.engine.backends.base import Filters
from newsdesk.discovery.engine.backends.sqlite import FTS5Backend
from newsdesk.discovery.engine.query import ParsedQuery, parse_query
from newsdesk.discovery.engine.suggestions import closest
from newsdesk.discovery.models import SearchDocument, SearchTerm
from newsdesk.testing import Newsroom, make_article, make_author, make_editor, make_section, minutes_ago


def paragraphs(*texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in (*texts, "Filed by the newsroom.")]


class SearchEngineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.business = make_section("Business", slug="business")
        cls.technology = make_section("Technology", slug="technology")
        cls.amina = make_author("Amina Rahman")
        cls.omar = make_author("Omar Khan")
        cls.airport = make_article(
            cls.business,
            "Gwadar airport opens to cargo flights",
            standfirst="The new airport on the Makran coast takes its first freighters.",
            kind="news",
            authors=[cls.amina],
            tags=["CPEC", "Aviation"],
            body=paragraphs("Officials said the runway can take wide-body freighters from next month."),
            published_at=minutes_ago(60 * 24 * 3),
        )
        cls.port = make_article(
            cls.business,
            "Port traffic doubles at Karachi",
            standfirst="Container volumes rose for a second year.",
            kind="analysis",
            authors=[cls.omar],
            tags=["Trade"],
            body=paragraphs("Shipping lines moved cargo from Gwadar to Karachi as the new port airport link slipped."),
            published_at=minutes_ago(60 * 24),
        )
        cls.datacentre = make_article(
            cls.technology,
            "A data centre for the innovation corridor",
            standfirst="Cloud capacity arrives in Islamabad.",
            kind="news",
            authors=[cls.amina, cls.omar],
            tags=["CPEC"],
            body=paragraphs("The innovation corridor links data centres in Islamabad and Urumqi with fibre."),
            published_at=minutes_ago(60),
        )
        cls.scripted = make_article(
            cls.technology,
            "Browsers and scripts",
            standfirst="How pages run code.",
            body=paragraphs("A page may contain &lt;script&gt;alert(1)&lt;/script&gt; text about scripts in browsers."),
            published_at=minutes_ago(120),
        )

    def ids(self, text, **options):
        return [page.pk for page in search(SearchQuery(text, **options)).pages]

    def test_it_finds_an_article_by_a_word_of_its_body(self):
        self.assertEqual(self.ids("runway"), [self.airport.pk])

    def test_all_words_must_match(self):
        self.assertEqual(self.ids("islamabad fibre"), [self.datacentre.pk])
        self.assertEqual(self.ids("islamabad freighters"), [])

    def test_an_exact_phrase_matches_only_those_words_in_that_order(self):
        self.assertEqual(self.ids('"innovation corridor"'), [self.datacentre.pk])
        self.assertEqual(self.ids('"corridor innovation"'), [])

    def test_an_excluded_word_drops_the_articles_that_have_it(self):
        self.assertEqual(set(self.ids("gwadar")), {self.airport.pk, self.port.pk})
        self.assertEqual(self.ids("gwadar -karachi"), [self.airport.pk])

    def test_the_last_word_matches_as_a_prefix_while_typing(self):
        self.assertEqual(self.ids("freigh"), [self.airport.pk])
        self.assertEqual(self.ids("freigh "), [])

    def test_a_word_typed_past_its_stem_still_matches(self):
        # The index holds the stem "aviat" for the tag "Aviation": "aviati" starts the word, not the stem.
        self.assertEqual(self.ids("aviati"), [self.airport.pk])
        self.assertEqual(self.ids("cargo aviatio"), [self.airport.pk])

    def test_words_match_in_other_forms(self):
        self.assertIn(self.airport.pk, self.ids("opening airports "))

    def test_a_headline_match_ranks_above_a_body_match(self):
        self.assertEqual(self.ids("gwadar")[0], self.airport.pk)

    def test_an_exact_headline_comes_first(self):
        self.assertEqual(self.ids("Port traffic doubles at Karachi")[0], self.port.pk)

    def test_newest_sort_puts_the_latest_first(self):
        self.assertEqual(self.ids("cargo", sort="newest"), [self.port.pk, self.airport.pk])

    def test_candidates_carry_the_publication_time_as_epoch_seconds(self):
        # Ranking's recency and newest-first read this number: off by an hour (a time zone) it would reorder.
        candidates = get_backend().candidates(parse_query("cargo"), Filters(now=timezone.now()), 10)
        published = {candidate.page_id: candidate.published for candidate in candidates}
        for article in (self.port, self.airport):
            article.refresh_from_db()
            self.assertAlmostEqual(published[article.pk], article.first_published_at.timestamp(), delta=0.002)

    def test_facets_combine_or_within_a_kind_and_across_kinds(self):
        everything = "newsroom"
        self.assertEqual(set(self.ids(everything, sections=("business",))), {self.airport.pk, self.port.pk})
        self.assertEqual(
            set(self.ids(everything, sections=("business", "technology"), kinds=("analysis",))), {self.port.pk}
        )
        self.assertEqual(
            set(self.ids(everything, authors=(self.amina.slug,), tags=("cpec",))), {self.airport.pk, self.datacentre.pk}
        )
        self.assertEqual(self.ids(everything, authors=(self.amina.slug,), sections=("business",)), [self.airport.pk])

    def test_facet_counts_lift_a_kinds_own_choice(self):
        results = search(SearchQuery("cargo", sections=("business",)))
        sections = {value.value: value for value in results.facets["section"]}
        self.assertEqual((sections["business"].count, sections["business"].selected), (2, True))
        self.assertEqual(sections["business"].label, "Business")
        kinds = {value.value: (value.label, value.count) for value in results.facets["kind"]}
        self.assertEqual(kinds, {"news": ("News", 1), "analysis": ("Analysis", 1)})
        authors = {value.label: value.count for value in results.facets["author"]}
        self.assertEqual(authors, {"Amina Rahman": 1, "Omar Khan": 1})
        self.assertEqual(
            {value.value for value in results.facets["year"]},
            {str(timezone.now().year), str((timezone.now() - timedelta(days=3)).year)},
        )

    def test_results_count_and_pages(self):
        results = search(SearchQuery("newsroom", per_page=1, page=2))
        self.assertEqual(results.total, 4)
        self.assertEqual(results.num_pages, 4)
        self.assertEqual(len(results.pages), 1)
        self.assertFalse(results.total_is_capped)

    def test_a_page_beyond_the_first_pool_ranks_the_deeper_one(self):
        with self.settings(NEWSDESK_SEARCH_CANDIDATES=2, NEWSDESK_SEARCH_DEEP_CANDIDATES=5):
            first = search(SearchQuery("newsroom", per_page=1))
            # Two of the four matches ranked, and a next page past them.
            self.assertEqual((first.total, first.total_is_capped, first.num_pages), (2, True, 3))
            self.assertTrue(first.has_next)
            third = search(SearchQuery("newsroom", per_page=1, page=3))
            self.assertEqual((third.total, third.total_is_capped, third.num_pages), (4, False, 4))
            self.assertEqual(len(third.pages), 1)
            deep = {search(SearchQuery("newsroom", per_page=1, page=page)).pages[0].pk for page in (3, 4)}
            shallow = {search(SearchQuery("newsroom", per_page=1, page=page)).pages[0].pk for page in (1, 2)}
            self.assertEqual(len(deep | shallow), 4)

    def test_snippets_mark_the_matched_words_of_the_body(self):
        hit = search(SearchQuery("freighters")).hits[0]
        snippet = lxml.html.fragment_fromstring(str(hit.snippet), create_parent="div")
        self.assertIn("freighters", [mark.text.lower() for mark in snippet.xpath("//mark")])
        self.assertIn("wide-body", snippet.text_content())

    def test_a_snippet_marks_the_word_being_typed(self):
        hit = search(SearchQuery("freigh")).hits[0]
        snippet = lxml.html.fragment_fromstring(str(hit.snippet), create_parent="div")
        self.assertEqual([mark.text.lower() for mark in snippet.xpath("//mark")], ["freighters"])

    def test_snippets_of_several_hits_belong_to_each_hit(self):
        results = search(SearchQuery("gwadar"))
        by_id = {hit.page_id: str(hit.snippet) for hit in results.hits}
        self.assertIn("runway", by_id[self.airport.pk])
        self.assertIn("Shipping lines", by_id[self.port.pk])

    def test_older_articles_are_found_by_their_headline_beyond_the_candidate_limit(self):
        # Only the newest match is read from the whole index; older ones come in through their headline.
        with self.settings(NEWSDESK_SEARCH_CANDIDATES=1, NEWSDESK_SEARCH_DEEP_CANDIDATES=1):
            self.assertEqual(len(self.ids("newsroom")), 1)
            self.assertEqual(self.ids("gwadar airport ")[0], self.airport.pk)
            self.assertEqual(self.ids("Gwadar airport opens to cargo flights")[0], self.airport.pk)
            # A word excluded from anywhere in the article drops a headline match too.
            self.assertNotIn(self.airport.pk, self.ids("gwadar airport -runway"))
            self.assertIn(self.airport.pk, self.ids("gwadar airport -karachi"))

    def test_snippets_are_safe_html(self):
        hit = search(SearchQuery("scripts")).hits[0]
        snippet = lxml.html.fragment_fromstring(str(hit.snippet), create_parent="div")
        self.assertIn("alert(1)", snippet.text_content())
        self.assertEqual(snippet.xpath("//script"), [])
        self.assertEqual({element.tag for element in snippet.iter()} - {"div"}, {"mark"})

    def test_pages_come_with_hero_and_section(self):
        results = search(SearchQuery("gwadar"))
        with self.assertNumQueries(0):
            self.assertEqual([page.section.slug for page in results.pages], ["business", "business"])
            [page.hero_image for page in results.pages]

    def test_a_search_takes_the_same_number_of_queries_however_many_it_shows(self):
        counts = []
        # PostgreSQL keeps each query's estimated share of the archive for a while: read it once first.
        search(SearchQuery("newsroom", sections=("business",), authors=(self.amina.slug,)))
        for per_page in (1, 4):
            with CaptureQueriesContext(connection) as queries:
                search(SearchQuery("newsroom", sections=("business",), authors=(self.amina.slug,), per_page=per_page))
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[0], 25)

    def test_a_misspelt_word_gets_a_suggestion_from_the_index(self):
        results = search(SearchQuery("gwadr airport "))
        self.assertEqual(results.total, 0)
        self.assertEqual(results.suggestion, "gwadar airport")

    def test_a_suggestion_is_the_most_common_word_among_the_closest(self):
        SearchTerm.objects.bulk_create(
            [
                SearchTerm(term="harbour", documents=40),
                SearchTerm(term="harbors", documents=90),  # as close to "harbor", more common
                SearchTerm(term="harbours", documents=500),  # two edits away: a closer word wins
                SearchTerm(term="harbourmasters", documents=900),  # too long to be two edits away
            ]
        )
        self.assertEqual(closest("harbor"), "harbors")
        self.assertEqual(closest("harbourmaster"), "harbourmasters")
        self.assertIsNone(closest("xylophone"))

    def test_a_search_that_found_its_article_is_not_respelt_into_one_that_finds_no_more(self):
        section = make_section("Seoul", slug="seoul")
        make_article(section, "서울 시장 선거 결과")
        make_article(section, "서울 시장이 예산을 발표했다")
        results = search(SearchQuery("서울 시장 "))
        self.assertEqual([page.title for page in results.pages], ["서울 시장 선거 결과"])
        self.assertIsNone(results.suggestion)  # "서울 시장이" finds one article too

    def test_a_typed_word_of_four_letters_or_more_that_fills_the_candidates_is_taken_whole(self):
        # SQLite's FTS5 merges every word a prefix starts before returning a row (see backends/sqlite.py).
        if connection.vendor != "sqlite":
            self.skipTest("PostgreSQL matches a typed word as a prefix whatever its length")
        for word, typing in (("harbour", "harbo"), ("dock", "doc")):
            with self.subTest(word):
                section = make_section(f"Ports {word}", slug=f"ports-{word}")
                older = [make_article(section, f"Quay {n}", body=paragraphs(f"The {word} held.")) for n in range(2)]
                newest = make_article(section, "Quay news", body=paragraphs(f"The {word}side was busy."))
                with self.settings(NEWSDESK_SEARCH_CANDIDATES=2, NEWSDESK_SEARCH_DEEP_CANDIDATES=2):
                    # The word alone fills the two candidates, so the longer word's newer article is not among them.
                    self.assertEqual(set(self.ids(word)), {page.pk for page in older})
                    # Still being typed, a shorter start matches every word it starts.
                    self.assertIn(newest.pk, self.ids(typing))
                # When the whole word does not fill the candidates, the longer words match too.
                self.assertEqual(set(self.ids(word)), {page.pk for page in [*older, newest]})

    def test_completions_that_the_index_stems_alike_are_asked_for_once(self):
        # Each word of an FTS5 query costs a read of its whole list (backends/sqlite.py).
        if connection.vendor != "sqlite":
            self.skipTest("SQLite's FTS5 tokenizer")
        distinct = get_backend()._distinct_completions
        whole = ParsedQuery(prefix="government", completions=("governments", "governor", "governed", "governors"))
        self.assertEqual(distinct(whole, whole=True).completions, ("governor",))
        # Matched as a prefix, "governm" starts the stem 'government' but not 'govern'.
        typing = ParsedQuery(prefix="governm", completions=("government", "governmental", "governments"))
        self.assertEqual(distinct(typing, whole=False).completions, ("government",))
        self.assertEqual(distinct(ParsedQuery(prefix="gove", completions=("governor",)), whole=False).completions, ())

    def test_a_chosen_facet_is_matched_by_the_index_and_then_exactly(self):
        ports, docks = make_section("Ports", slug="ports"), make_section("Docks", slug="docks")
        quays = [
            make_article(
                ports if n % 2 else docks,
                f"Quay {n}",
                tags=["Sea Trade" if n == 3 else "Seatrade"],
                published_at=minutes_ago(60 - n),  # indexed again, with its tags
            )
            for n in range(5)
        ]
        with self.settings(NEWSDESK_SEARCH_CANDIDATES=2, NEWSDESK_SEARCH_DEEP_CANDIDATES=2):
            results = search(SearchQuery("quay ", sections=("ports",)))
            # The newest two in Ports, though the newest match of all is in Docks.
            self.assertEqual({page.pk for page in results.pages}, {quays[3].pk, quays[1].pk})
            self.assertEqual(
                self.ids("quay ", sections=("docks",), tags=("seatrade",)), [quays[n].pk for n in (4, 2, 0)]
            )
        # SQLite's index holds "sea-trade" and "seatrade" as one term (migration 0008): the exact rule parts them.
        self.assertEqual(self.ids("quay ", tags=("sea-trade",)), [quays[3].pk])
        self.assertEqual(set(self.ids("quay ", tags=("seatrade",))), {quays[n].pk for n in (0, 1, 2, 4)})
        if connection.vendor == "sqlite":
            # The walk reads only articles carrying the chosen value, from the index itself.
            read, passing = [], FTS5Backend._passing
            spy = lambda backend, ids, *rule: read.extend(ids) or passing(backend, ids, *rule)  # noqa: E731
            with patch.object(FTS5Backend, "_passing", spy):
                get_backend().candidates(parse_query("quay "), Filters(sections=("ports",), now=timezone.now()), 2)
            self.assertEqual(set(read), {quays[3].pk, quays[1].pk})

    def test_facet_counts_stay_the_same_on_a_deep_page(self):
        ports, docks = make_section("Ports", slug="ports"), make_section("Docks", slug="docks")
        for n in range(8):
            make_article(
                ports if n % 2 else docks,
                f"Pier {n}",
                body=paragraphs("The jetty held."),
                published_at=minutes_ago(60 - n),
            )

        def counts(page):
            results = search(SearchQuery("jetty ", sections=("ports",), page=page, per_page=1))
            return {facet.value: facet.count for facet in results.facets["section"]}, len(results.pages)

        with self.settings(NEWSDESK_SEARCH_CANDIDATES=2, NEWSDESK_SEARCH_DEEP_CANDIDATES=4):
            first, deep = counts(1), counts(3)  # page 3 ranks the deeper pool of 4
        self.assertEqual(first[0]["docks"], deep[0]["docks"])
        self.assertEqual((first[1], deep[1]), (1, 1))

    def test_a_korean_word_being_typed_finds_it_with_its_particle(self):
        section = make_section("Seoul", slug="seoul")
        budget = make_article(section, "예산안 통과", body=paragraphs("정부는 경제를 살리는 예산을 발표했다."))
        self.assertEqual([page.pk for page in search(SearchQuery("경제")).pages], [budget.pk])

    def test_odd_input_finds_nothing_rather_than_failing(self):
        for text in ('"', "-", "AND OR NOT", "x NEAR y", "*", "a:b", "(", "^", "'", "\\", "%", "{x}", "–"):
            with self.subTest(text=text):
                search(SearchQuery(text))


class EmbargoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.newsroom = Newsroom()
        cls.headline = "headline"  # every hidden article's title holds the word

    def titles(self, text="headline", editor=None):
        return {page.title for page in search(SearchQuery(text, editor=editor)).pages}

    def test_readers_never_get_drafts_private_or_scheduled_articles(self):
        self.assertEqual(self.titles() & set(Newsroom.hidden_titles), set())
        self.assertEqual(self.titles("secret draft"), set())
        self.assertEqual(self.titles("embargoed tomorrow"), set())

    def test_an_unpublished_article_disappears(self):
        self.assertEqual(self.titles("corridor background"), {"Background to the corridor"})
        self.newsroom.background.unpublish()
        self.assertEqual(self.titles("corridor background"), set())

    def test_an_edited_headline_is_found_after_publishing(self):
        article = self.newsroom.by_kind["opinion"]
        article.title = "A piece about monsoons"
        article.save_revision().publish()
        self.assertEqual(self.titles("monsoons"), {"A piece about monsoons"})

    def test_a_scheduled_article_appears_once_its_time_comes(self):
        scheduled = self.newsroom.scheduled
        self.assertEqual(self.titles("embargoed"), set())
        # The clock reaches the go-live time: moved back instead of waiting a day.
        past = minutes_ago(1)
        ArticlePage.objects.filter(pk=scheduled.pk).update(go_live_at=past)
        revision = scheduled.latest_revision
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save()
        call_command("publish_scheduled", verbosity=0)
        self.assertEqual(self.titles("embargoed"), {"Embargoed until tomorrow headline"})

    def test_an_expired_article_disappears(self):
        ArticlePage.objects.filter(pk=self.newsroom.lead.pk).update(expire_at=minutes_ago(1))
        call_command("publish_scheduled", verbosity=0)
        self.assertEqual(self.titles("zardari"), set())

    def test_a_restricted_article_disappears(self):
        self.assertEqual(len(self.titles("background corridor")), 1)
        PageViewRestriction.objects.create(page=self.newsroom.world, restriction_type=PageViewRestriction.LOGIN)
        self.assertEqual(self.titles("background corridor"), set())
        self.assertFalse(SearchDocument.objects.get(page_id=self.newsroom.background.pk).is_public)

    def test_a_stale_index_still_cannot_leak_an_article(self):
        # Unpublished behind the index's back (no signal): the published() rule at query time holds.
        ArticlePage.objects.filter(pk=self.newsroom.background.pk).update(live=False)
        self.assertEqual(self.titles("corridor background"), set())

    def test_an_editor_sees_drafts(self):
        editor = make_editor()
        self.assertIn("Secret draft headline", self.titles("secret draft", editor=editor))
