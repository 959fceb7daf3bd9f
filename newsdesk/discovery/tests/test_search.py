from unittest import mock
from urllib.parse import parse_qs, urlsplit

from django.test import TestCase

from newsdesk.discovery import views
from newsdesk.testing import SearchDesk, make_article, make_section, paragraphs, parse_html, text_of


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.desk = SearchDesk()

    def page(self, params, status=200):
        response = self.client.get("/search/", params)
        self.assertEqual(response.status_code, status, params)
        return parse_html(response)

    def headlines(self, tree) -> list[str]:
        return [text_of(a) for a in tree.xpath('//li[@class="search-result"]/h3/a')]

    def facet(self, tree, name) -> dict[str, tuple[int, str, bool]]:
        """{label: (count, href, selected)} for one facet group."""
        links = tree.xpath(f'//nav[@aria-label="Filter results"]//section[h3/@id="facet-{name}"]//a')
        found = {}
        for link in links:
            label = link.text.strip()
            count = int(text_of(link.xpath('.//span[@class="facet-count"]')[0]).strip("()").split()[0])
            found[label] = (count, link.get("href"), link.get("aria-current") == "true")
        return found

    def follow(self, href):
        return self.page(parse_qs(urlsplit(href).query))

    def test_each_result_has_headline_section_date_byline_and_marked_snippet(self):
        tree = self.page({"q": "sensors"})
        result = tree.xpath('//li[@class="search-result"]')[0]
        self.assertEqual(result.xpath(".//h3/a/@href"), [self.desk.sensors.url])
        meta = text_of(result.xpath('.//p[@class="result-meta"]')[0])
        self.assertIn("Technology", meta)
        self.assertIn("By Omar Khan", meta)
        self.assertTrue(result.xpath(".//time/@datetime"))
        self.assertEqual(result.xpath('.//p[@class="snippet"]/mark/text()'), ["sensors"])
        self.assertIn("1 result for “sensors”", text_of(tree.xpath("//h2[contains(@class, 'search-summary')]")[0]))

    def test_facets_combine_and_their_counts_follow(self):
        tree = self.page({"q": "harbour"})
        self.assertEqual(len(self.headlines(tree)), 4)
        sections = self.facet(tree, "section")
        self.assertEqual({label: v[0] for label, v in sections.items()}, {"Business": 2, "Technology": 2})
        self.assertEqual({label: v[0] for label, v in self.facet(tree, "year").items()}, {"2026": 3, "2024": 1})

        business = self.follow(sections["Business"][1])
        self.assertEqual(sorted(self.headlines(business)), ["Harbour cranes arrive at Gwadar", "Harbour tolls rise"])
        kinds = self.facet(business, "kind")
        self.assertEqual({label: v[0] for label, v in kinds.items()}, {"News": 1, "Analysis": 1})
        self.assertTrue(self.facet(business, "section")["Business"][2])

        news = self.follow(kinds["News"][1])
        self.assertEqual(self.headlines(news), ["Harbour cranes arrive at Gwadar"])
        # Each kind's own choice is lifted for its counts: Technology still shows its news article.
        self.assertEqual(self.facet(news, "section")["Technology"][0], 1)

    def test_each_selected_facet_is_a_chip_that_removes_it(self):
        tree = self.page({"q": "harbour", "section": "business", "kind": "news"})
        chips = {text_of(a): a.get("href") for a in tree.xpath('//ul[@class="chips"]/li/a[not(@class)]')}
        self.assertEqual(
            sorted(chips), ["Section: Business (remove this filter) ×", "Type: News (remove this filter) ×"]
        )
        without_section = self.follow(chips["Section: Business (remove this filter) ×"])
        self.assertEqual(
            sorted(self.headlines(without_section)),
            ["Harbour cranes arrive at Gwadar", "Harbour sensors measure tides"],
        )
        clear = tree.xpath('//a[@class="clear-filters"]/@href')[0]
        self.assertEqual(parse_qs(urlsplit(clear).query), {"q": ["harbour"]})

    def test_phrases_and_exclusions_work_from_the_page(self):
        self.assertEqual(self.headlines(self.page({"q": '"trade corridor"'})), ["Harbour cranes arrive at Gwadar"])
        self.assertEqual(
            sorted(self.headlines(self.page({"q": "harbour -sensors -tolls"}))),
            ["Harbour cranes arrive at Gwadar", "Scripts in the harbour office"],
        )

    def test_newest_sort_puts_the_latest_first_and_is_marked_current(self):
        tree = self.page({"q": "harbour", "sort": "newest"})
        self.assertEqual(self.headlines(tree)[0], "Scripts in the harbour office")
        self.assertEqual(tree.xpath('//p[@class="sort-links"]/a[@aria-current="true"]/text()'), ["Newest first"])

    def test_snippets_escape_markup_from_the_text(self):
        response = self.client.get("/search/", {"q": "clerk"})
        self.assertNotIn(b"<script>alert", response.content)
        snippet = parse_html(response).xpath('//p[@class="snippet"]')[0]
        # SQLite shows the typed text escaped; PostgreSQL's ts_headline leaves tag-like words out. Never an element.
        self.assertIn("alert(1)", text_of(snippet))
        self.assertEqual([child.tag for child in snippet.iterchildren()], ["mark"])

    def test_hidden_articles_are_never_in_results_or_facet_counts(self):
        for params in ({"q": "harbour"}, {"q": '"trade corridor"'}, {"q": "harbour", "section": "business"}):
            with self.subTest(params=params):
                tree = self.page(params)
                self.assertFalse(set(self.headlines(tree)) & set(SearchDesk.hidden_titles))
                self.assertNotIn("Harbour draft", text_of(tree))
        tree = self.page({"q": "harbour"})
        self.assertEqual(self.facet(tree, "tag")["Trade"][0], 2)
        self.assertEqual(self.facet(tree, "author")["Amina Rahman"][0], 2)

    def test_a_misspelling_offers_the_suggestion_as_a_link_and_the_newest_articles(self):
        tree = self.page({"q": "harbuor "})
        self.assertIn("0 results", text_of(tree.xpath("//h2[contains(@class, 'search-summary')]")[0]))
        link = tree.xpath('//p[@class="suggestion"]/a')[0]
        self.assertEqual(text_of(link), "harbour")
        self.assertEqual(len(self.headlines(self.follow(link.get("href")))), 4)
        newest = [text_of(a) for a in tree.xpath('//ul[@class="newest-articles"]//a')]
        self.assertEqual(newest[0], "Scripts in the harbour office")
        self.assertFalse(set(newest) & set(SearchDesk.hidden_titles))

    def test_it_uses_labelled_get_forms_without_a_csrf_token_or_cookie(self):
        response = self.client.get("/search/", {"q": "harbour"})
        tree = parse_html(response)
        form = tree.xpath('//main//form[@role="search"]')[0]
        self.assertEqual((form.get("method"), form.get("action")), ("get", "/search/"))
        self.assertEqual(tree.xpath('//label[@for="search-page-query"]/text()'), ["Search articles"])
        self.assertNotIn("csrfmiddlewaretoken", response.content.decode())
        self.assertEqual(list(response.cookies), [])
        self.assertIn("exact phrase", text_of(tree.xpath('//details[@class="search-tips"]')[0]))

    def test_an_empty_query_shows_only_the_form(self):
        tree = self.page({"q": "   "})
        self.assertEqual(tree.xpath('//li[@class="search-result"]'), [])
        self.assertEqual(tree.xpath("//h2[contains(@class, 'search-summary')]"), [])

    def test_bad_input_is_answered_clearly(self):
        for params in (
            {"q": "harbour", "page": "9" * 20},
            {"q": "harbour", "page": "abc"},
            {"q": "harbour", "page": "-3"},
            {"q": "harbour", "page": "٣"},
            {"q": "harbour", "section": "no-such-section", "year": "twenty"},
            {"q": "harbour", "year": "9" * 20, "kind": "x" * 500},
            {"q": "h" * 5000},
            {"q": "항구 보안"},
            {"q": "ميناء -جوادر"},
            {"q": "harbour\x00", "section": "busi\x00ness"},
            {"q": '"unbalanced AND OR NOT (x NEAR y) ^x a:b'},
            {"q": "harbour", "sort": "random"},
        ):
            with self.subTest(params=str(params)[:60]):
                response = self.client.get("/search/", params)
                self.assertIn(response.status_code, (200, 404))
                self.assertTrue(parse_html(response).xpath('//input[@id="search-page-query"]'))

    def test_a_page_past_the_end_is_a_404_that_links_back_to_the_results(self):
        tree = self.page({"q": "harbour", "page": "9" * 20}, status=404)
        link = tree.xpath('//a[starts-with(text(), "Go to the first page")]/@href')[0]
        self.assertEqual(len(self.headlines(self.follow(link))), 4)


class DeepPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section("Archive", slug="archive")
        for number in range(52):
            make_article(section, f"Ledger entry {number}", body=paragraphs(f"Ledger line {number}."))

    def test_page_50_shows_its_results_and_numbered_links_with_the_current_page_marked(self):
        with mock.patch.object(views, "PER_PAGE", 1):
            response = self.client.get("/search/", {"q": "ledger", "page": "50", "sort": "newest"})
        self.assertEqual(response.status_code, 200)
        tree = parse_html(response)
        self.assertEqual([text_of(a) for a in tree.xpath('//li[@class="search-result"]/h3/a')], ["Ledger entry 2"])
        self.assertEqual(tree.xpath('//ol[@class="search-results"]/@start'), ["50"])
        pages = tree.xpath('//nav[@aria-label="Result pages"]')[0]
        self.assertEqual(pages.xpath('.//a[@aria-current="page"]/@href'), ["?q=ledger&sort=newest&page=50"])
        numbers = [text_of(a).removeprefix("Page ") for a in pages.xpath(".//a[not(@rel)]")]
        self.assertEqual(numbers, ["1", "48", "49", "50", "51", "52"])
        self.assertEqual(pages.xpath('.//a[@rel="prev"]/@href'), ["?q=ledger&sort=newest&page=49"])
        self.assertEqual(pages.xpath('.//a[@rel="next"]/@href'), ["?q=ledger&sort=newest&page=51"])
