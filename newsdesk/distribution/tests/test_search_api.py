import json

from django.test import TestCase
from openapi_spec_validator import validate

from newsdesk.testing import SearchDesk

TWENTY_DIGITS = "9" * 20


class SearchApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.desk = SearchDesk()

    def get(self, params, status=200) -> dict:
        response = self.client.get("/api/v1/search/", params)
        self.assertEqual(response.status_code, status, params)
        return json.loads(response.content)

    def counts(self, body, kind) -> dict[str, int]:
        return {value["value"]: value["count"] for value in body["facets"][kind]}

    def test_hits_are_the_list_endpoints_summaries_with_a_marked_snippet(self):
        body = self.get({"q": "sensors"})
        self.assertEqual(body["count"], 1)
        hit = body["items"][0]
        listed = self.client.get("/api/v1/articles/", {"section": "technology"}).json()["items"]
        summary = next(item for item in listed if item["id"] == hit["id"])
        self.assertEqual({key: value for key, value in hit.items() if key != "snippet"}, summary)
        self.assertIn("<mark>sensors</mark>", hit["snippet"])

    def test_filters_combine_and_facets_count(self):
        body = self.get({"q": "harbour"})
        self.assertEqual(self.counts(body, "section"), {"business": 2, "technology": 2})
        narrowed = self.get({"q": "harbour", "section": "business", "kind": "news"})
        self.assertEqual([item["headline"] for item in narrowed["items"]], ["Harbour cranes arrive at Gwadar"])
        self.assertEqual(self.counts(narrowed, "section"), {"business": 1, "technology": 1})
        self.assertTrue(next(v for v in narrowed["facets"]["kind"] if v["value"] == "news")["selected"])
        either = self.get({"q": "harbour", "section": ["business", "technology"], "year": "2024"})
        self.assertEqual(either["count"], 1)

    def test_snippets_are_escaped_html(self):
        snippet = self.get({"q": "clerk"})["items"][0]["snippet"]
        # SQLite keeps the typed text, escaped; PostgreSQL's ts_headline leaves tag-like words out.
        self.assertIn("alert(1)", snippet)
        self.assertNotIn("<script", snippet)
        self.assertEqual(snippet.replace("<mark>", "").replace("</mark>", "").count("<"), 0)

    def test_hidden_articles_are_never_served_or_counted(self):
        body = self.get({"q": '"trade corridor"'})
        self.assertEqual([item["headline"] for item in body["items"]], ["Harbour cranes arrive at Gwadar"])
        everything = self.get({"q": "harbour", "limit": 100})
        self.assertFalse({item["headline"] for item in everything["items"]} & set(SearchDesk.hidden_titles))
        self.assertEqual(self.counts(everything, "tag")["trade"], 2)

    def test_pages_sort_and_suggestion(self):
        first = self.get({"q": "harbour", "limit": 3, "sort": "newest"})
        self.assertEqual((first["num_pages"], first["items"][0]["headline"]), (2, "Scripts in the harbour office"))
        second = self.client.get(first["next"]).json()
        self.assertEqual(len(second["items"]), 1)
        self.assertEqual(self.get({"q": "harbour", "page": 7})["items"], [])
        self.assertEqual(self.get({"q": "harbuor "})["suggestion"], "harbour")

    def test_bad_parameters_are_400_naming_them(self):
        for params, parameter in (
            ({"q": "harbour", "page": TWENTY_DIGITS}, "page"),
            ({"q": "harbour", "year": "twenty"}, "year"),
            ({"q": "harbour", "year": "-1"}, "year"),
            ({"q": "harbour", "year": "0"}, "year"),
            ({"q": "harbour", "year": "99999"}, "year"),
            ({"q": "harbour", "year": TWENTY_DIGITS}, "year"),
            ({"q": "harbour", "kind": "gossip"}, "kind"),
            ({"q": "harbour", "sort": "random"}, "sort"),
            ({"q": "h" * 5000}, "q"),
            ({}, "q"),
            ({"q": "harbour", "offset": "3"}, "offset"),
        ):
            with self.subTest(params=str(params)[:50]):
                errors = self.get(params, status=400)["errors"]
                self.assertIn(parameter, [error["parameter"] for error in errors])
        for q in ("항구 보안", "ميناء -جوادر", "harbour\x00", '"AND (x NEAR y'):
            with self.subTest(q=q):
                self.assertEqual(self.client.get("/api/v1/search/", {"q": q}).status_code, 200)

    def test_the_openapi_document_describes_search(self):
        schema = self.client.get("/api/v1/openapi.json").json()
        validate(schema)
        operation = schema["paths"]["/api/v1/search/"]["get"]
        self.assertEqual(
            {p["name"] for p in operation["parameters"]},
            {"q", "section", "kind", "author", "tag", "entity", "year", "sort", "page", "limit"},
        )
        reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        results = schema["components"]["schemas"][reference.rsplit("/", 1)[-1]]
        self.assertTrue({"items", "facets", "count", "suggestion", "num_pages"} <= set(results["properties"]))
