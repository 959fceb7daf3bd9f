"""The read API: filters, pagination, errors that name the parameter, and the OpenAPI schema."""

import json

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html
from openapi_spec_validator import validate

from newsdesk.testing import Newsroom, make_article, make_author, make_image, make_section


class ReadApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = Newsroom()

    def get(self, url, status=200) -> dict:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content)
        return json.loads(response.content)

    def headlines(self, url) -> list[str]:
        return [item["headline"] for item in self.get(url)["items"]]

    def test_it_lists_published_articles_newest_first(self):
        page = self.get("/api/v1/articles/")
        self.assertEqual(page["count"], 5)
        self.assertEqual([i["headline"] for i in page["items"]], [a.title for a in self.room.published])

    def test_it_filters_by_section_author_tag_kind_and_dates(self):
        self.assertEqual(self.headlines("/api/v1/articles/?section=business"), ["A piece of interview"])
        self.assertEqual(
            self.headlines("/api/v1/articles/?author=news-desk"), [self.room.lead.title, self.room.background.title]
        )
        self.assertEqual(self.headlines("/api/v1/articles/?tag=trade&kind=opinion"), ["A piece of opinion"])
        after = self.room.by_kind["analysis"].first_published_at.isoformat()
        self.assertEqual(len(self.headlines(f"/api/v1/articles/?published_after={after.replace('+', '%2B')}")), 4)
        self.assertEqual(self.headlines("/api/v1/articles/?published_before=2000-01-01"), [])

    def test_unknown_values_and_malformed_dates_are_400_naming_the_parameter(self):
        for query, parameter in [
            ("section=nowhere", "section"),
            ("author=nobody", "author"),
            ("tag=nothing", "tag"),
            ("kind=gossip", "kind"),
            ("published_after=2025-02-30", "published_after"),
            ("published_before=yesterday", "published_before"),
            ("published_after=0001-01-01T00:00:00%2B14:00", "published_after"),  # before year 1 in UTC
            ("published_before=9999-12-31T23:59:59-14:00", "published_before"),  # after year 9999 in UTC
            ("published_after=111111111111111111111111111111", "published_after"),
            ("limit=ten", "limit"),
            ("offset=-5", "offset"),
            ("sectoin=business", "sectoin"),
        ]:
            with self.subTest(query=query):
                response = self.client.get(f"/api/v1/articles/?{query}")
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response["Content-Type"], "application/problem+json")
                body = json.loads(response.content)
                self.assertEqual([e["parameter"] for e in body["errors"]], [parameter])
                self.assertIn(parameter, body["detail"])

    def test_page_size_above_the_maximum_is_clamped_and_said_so(self):
        page = self.get("/api/v1/articles/?limit=1000")
        self.assertEqual(page["limit"], 100)
        self.assertEqual(page["notices"], ["limit 1000 is above the maximum of 100; 100 items per page are returned."])

    def test_pagination_is_stable_and_links_its_neighbours(self):
        first = self.get("/api/v1/articles/?limit=2")
        second = self.get(first["next"].removeprefix("http://testserver"))
        third = self.get(second["next"].removeprefix("http://testserver"))
        seen = [i["id"] for page in (first, second, third) for i in page["items"]]
        self.assertEqual(seen, [a.pk for a in self.room.published])
        self.assertIsNone(third["next"])
        self.assertEqual(second["previous"], "http://testserver/api/v1/articles/?limit=2&offset=0")

    def test_article_detail_has_the_body_as_blocks_with_images_resolved(self):
        article = self.get(f"/api/v1/articles/{self.room.lead.pk}/")
        self.assertEqual(
            [b["type"] for b in article["body"]][:5], ["paragraph", "heading", "paragraph", "heading", "quote"]
        )
        image_block = next(b for b in article["body"] if b["type"] == "image")
        self.assertEqual(image_block["value"]["image"]["credit"], "AP")
        also_see = next(b for b in article["body"] if b["type"] == "also_see")
        self.assertEqual(also_see["value"]["article"]["headline"], self.room.background.title)
        self.assertEqual(article["corrections"][0]["note"], "An earlier version misspelt a minister's name.")
        self.assertEqual(article["hero_image"]["crops"]["16x9"][-len("fill-1200x675.jpg") :], "fill-1200x675.jpg")
        self.assertEqual([a["slug"] for a in article["authors"]], ["amina-rahman", "news-desk"])

    def test_sections_authors_and_images_are_listed(self):
        self.assertEqual([s["slug"] for s in self.get("/api/v1/sections/")["items"]], ["global-affairs", "business"])
        self.assertEqual(
            self.get("/api/v1/sections/business/")["feeds"]["atom"], "http://testserver/business/feed/atom/"
        )
        self.assertEqual([a["slug"] for a in self.get("/api/v1/authors/")["items"]], ["amina-rahman", "news-desk"])
        self.assertEqual(self.get("/api/v1/authors/news-desk/")["kind"], "desk")
        images = self.get("/api/v1/images/")["items"]
        self.assertEqual([i["credit"] for i in images], ["Reuters"])
        self.assertEqual(self.get(f"/api/v1/images/{images[0]['id']}/")["licence"], "Licensed from Reuters")
        self.get(f"/api/v1/images/{self.room.logo.pk}/", status=404)

    def test_hidden_articles_are_never_served(self):
        text = self.client.get("/api/v1/articles/?limit=100&tag=cpec").content.decode()
        for title in self.room.hidden_titles:
            self.assertNotIn(title, text)
        for article in [self.room.draft, self.room.private, self.room.scheduled]:
            self.get(f"/api/v1/articles/{article.pk}/", status=404)

    def test_the_openapi_schema_is_served(self):
        schema = self.get("/api/v1/openapi.json")
        self.assertEqual(schema["info"]["title"], "Newsdesk read API")
        parameters = {p["name"] for p in schema["paths"]["/api/v1/articles/"]["get"]["parameters"]}
        self.assertTrue(
            {"section", "author", "tag", "kind", "published_after", "published_before", "limit", "offset"} <= parameters
        )
        self.assertIn("/api/v1/images/{image_id}/", schema["paths"])

    def test_the_interactive_docs_load_everything_from_this_site(self):
        response = self.client.get("/api/v1/docs/")
        self.assertEqual(response.status_code, 200)
        tree = lxml_html.fromstring(response.content)
        assets = tree.xpath("//script/@src") + tree.xpath("//link/@href")
        self.assertIn("/static/ninja/swagger-ui-bundle.js", assets)
        self.assertTrue(all(url.startswith("/static/") for url in assets), assets)  # no CDN: a desk may be offline
        settings = json.loads(tree.xpath('//script[@id="swagger-settings"]')[0].text)
        self.assertEqual(settings["url"], "/api/v1/openapi.json")

    def test_list_endpoints_cost_the_same_number_of_queries_whatever_their_length(self):
        urls = [
            "/api/v1/articles/?limit=100",
            "/api/v1/articles/?tag=cpec",
            "/api/v1/sections/",
            "/api/v1/authors/",
            "/api/v1/images/",
        ]
        for url in urls:
            self.client.get(url)
        before = {url: self._count(url) for url in urls}

        extra_section = make_section("Technology")
        for n in range(3):
            make_article(
                extra_section,
                f"More {n}",
                authors=[make_author(f"Writer {n}")],
                tags=["CPEC", f"More {n}"],
                hero_image=make_image(f"Extra image {n}"),
            )
        for url in urls:
            self.client.get(url)  # new images get their crops made once, as the first reader would
        self.assertEqual({url: self._count(url) for url in urls}, before)

    def _count(self, url) -> int:
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)


TWENTY_DIGITS = "98765432109876543210"


class ApiContractTests(TestCase):
    """What the OpenAPI document promises, and numbers and addresses outside it."""

    @classmethod
    def setUpTestData(cls):
        cls.room = Newsroom()

    def problem(self, url, status) -> dict:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        self.assertEqual(response["Content-Type"], "application/problem+json", url)
        return json.loads(response.content)

    def test_numbers_beyond_64_bits_are_400_naming_the_parameter(self):
        for url, parameter in [
            (f"/api/v1/articles/?offset={TWENTY_DIGITS}", "offset"),
            (f"/api/v1/articles/?limit={TWENTY_DIGITS}", "limit"),
            (f"/api/v1/images/?offset={TWENTY_DIGITS}", "offset"),
            (f"/api/v1/articles/{TWENTY_DIGITS}/", "article_id"),
            (f"/api/v1/images/{TWENTY_DIGITS}/", "image_id"),
        ]:
            with self.subTest(url=url):
                self.assertEqual([e["parameter"] for e in self.problem(url, 400)["errors"]], [parameter])

    def test_an_offset_past_the_end_is_an_empty_page(self):
        page = self.client.get(f"/api/v1/articles/?offset={2**63 - 1}").json()
        self.assertEqual((page["count"], page["items"], page["next"]), (5, [], None))

    def test_ninjs_of_an_id_beyond_64_bits_is_404(self):
        self.assertEqual(self.client.get(f"/ninjs/articles/{TWENTY_DIGITS}.json").status_code, 404)

    def test_detail_endpoints_refuse_unknown_parameters(self):
        for url in [
            f"/api/v1/articles/{self.room.lead.pk}/?fields=*",
            "/api/v1/sections/business/?x=1",
            f"/api/v1/authors/{self.room.person.slug}/?x=1",
            f"/api/v1/images/{self.room.hero.pk}/?x=1",
        ]:
            with self.subTest(url=url):
                body = self.problem(url, 400)
                self.assertIn(body["errors"][0]["parameter"], {"fields", "x"})

    def test_rich_text_format_is_honoured_and_a_bad_one_is_400_naming_it(self):
        url = f"/api/v1/articles/{self.room.lead.pk}/"
        markdown = self.client.get(f"{url}?rich_text_format=markdown").json()
        paragraph = next(block for block in markdown["body"] if block["type"] == "paragraph")
        self.assertIn("[Beijing](https://example.org/briefing)", paragraph["value"])
        self.assertEqual(
            [e["parameter"] for e in self.problem(f"{url}?rich_text_format=latex", 400)["errors"]], ["rich_text_format"]
        )

    def test_unknown_addresses_under_the_api_are_problem_json(self):
        for url in ["/api/v1/nothing/", "/api/v1/articles/5/extra/", "/api/v1/"]:
            with self.subTest(url=url):
                self.assertEqual(self.problem(url, 404)["status"], 404)

    def test_the_openapi_document_is_valid_and_declares_errors_enums_and_bounds(self):
        schema = self.client.get("/api/v1/openapi.json").json()
        validate(schema)
        for path, operations in schema["paths"].items():
            for operation in operations.values():
                for status in ("400", "404"):
                    with self.subTest(path=path, status=status):
                        content = operation["responses"][status]["content"]
                        self.assertEqual(list(content), ["application/problem+json"])
        parameters = {p["name"]: p for p in schema["paths"]["/api/v1/articles/"]["get"]["parameters"]}
        self.assertEqual(
            sorted(self._enum(parameters["kind"]["schema"])),
            sorted(["news", "analysis", "opinion", "explainer", "interview"]),
        )
        self.assertEqual(
            sorted(self._enum(parameters["rich_text_format"]["schema"])), ["db_html", "db_markdown", "html", "markdown"]
        )
        self.assertEqual(parameters["limit"]["schema"]["maximum"], 100)
        formats = {branch.get("format") for branch in parameters["published_after"]["schema"]["anyOf"]}
        self.assertTrue({"date", "date-time"} <= formats)
        detail = {p["name"] for p in schema["paths"]["/api/v1/articles/{article_id}/"]["get"]["parameters"]}
        self.assertEqual(detail, {"article_id", "rich_text_format"})

    @staticmethod
    def _enum(schema) -> list:
        if "enum" in schema:
            return schema["enum"]
        return [value for branch in schema.get("anyOf", []) for value in branch.get("enum", [])]
