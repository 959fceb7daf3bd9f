"""IPTC ninjs 2.2 and 3.1 exports of one article, checked against IPTC's JSON Schemas."""

import json

from django.test import TestCase

from newsdesk.distribution.tests.checkers import ninjs_errors
from newsdesk.testing import Newsroom


class NinjsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = Newsroom()

    def item(self, article) -> dict:
        response = self.client.get(f"/ninjs/articles/{article.pk}.json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        return json.loads(response.content)

    def test_every_article_is_valid_ninjs(self):
        for kind, article in self.room.by_kind.items():
            with self.subTest(kind=kind):
                self.assertEqual(ninjs_errors(self.item(article)), [])

    def test_the_schema_check_catches_a_broken_item(self):
        broken = {**self.item(self.room.lead), "versioncreated": "yesterday", "pubstatus": "maybe"}
        self.assertEqual(len(ninjs_errors(broken)), 2)

    def test_it_carries_bylines_subjects_and_times(self):
        item = self.item(self.room.lead)
        self.assertEqual(item["uri"], f"http://testserver/ninjs/articles/{self.room.lead.pk}.json")
        self.assertEqual(item["headlines"], [{"role": "main", "value": self.room.lead.title}])
        self.assertEqual(item["by"], "Amina Rahman, News Desk")
        self.assertEqual([s["name"] for s in item["subjects"]], ["CPEC", "China", "Pakistan"])
        self.assertEqual(item["subjects"][0]["uri"], "http://testserver/tags/cpec/")
        self.assertRegex(item["firstcreated"], r"\+00:00$")
        self.assertGreater(item["versioncreated"], item["firstcreated"])
        self.assertEqual(item["located"], "BEIJING")
        self.assertIn("<h2>What was agreed</h2>", item["bodies"][0]["value"])

    def test_pictures_come_with_credit_and_renditions(self):
        hero, body_image = self.item(self.room.lead)["associations"]
        self.assertEqual(hero["name"], "featureimage")
        self.assertEqual(hero["type"], "picture")
        self.assertEqual(hero["by"], "Reuters")
        self.assertEqual(hero["usageterms"], "Licensed from Reuters")
        self.assertEqual([r["name"] for r in hero["renditions"]], ["original", "16x9", "4x3", "1x1"])
        self.assertEqual((hero["renditions"][1]["width"], hero["renditions"][1]["height"]), (1200, 675))
        self.assertEqual(body_image["by"], "AP")

    def test_hidden_articles_have_no_ninjs(self):
        for article in [self.room.draft, self.room.private, self.room.scheduled]:
            self.assertEqual(self.client.get(f"/ninjs/articles/{article.pk}.json").status_code, 404)

    def item_3(self, article) -> dict:
        response = self.client.get(f"/ninjs/3/articles/{article.pk}.json")
        self.assertEqual(response.status_code, 200)
        return json.loads(response.content)

    def test_every_article_is_valid_ninjs_3_1(self):
        for kind, article in self.room.by_kind.items():
            with self.subTest(kind=kind):
                self.assertEqual(ninjs_errors(self.item_3(article), "3.1"), [])
        self.assertTrue(ninjs_errors(self.item(self.room.lead), "3.1"), "2.2 spellings are not 3.1")

    def test_ninjs_3_is_the_same_item_in_camel_case(self):
        old, new = self.item(self.room.lead), self.item_3(self.room.lead)
        self.assertEqual(new["standard"]["version"], "3.1")
        self.assertEqual(
            (new["firstCreated"], new["versionCreated"], new["pubStatus"]),
            (old["firstcreated"], old["versioncreated"], old["pubstatus"]),
        )
        self.assertEqual(new["altIds"], old["altids"])
        self.assertEqual(new["bodies"][0]["contentType"], "text/html")
        self.assertEqual(new["bodies"][0]["wordCount"], old["bodies"][0]["wordcount"])
        self.assertEqual(new["associations"][0]["usageTerms"], "Licensed from Reuters")
        self.assertEqual(new["associations"][0]["renditions"][0]["contentType"], "image/jpeg")
        self.assertEqual(new["headlines"], old["headlines"])

    def test_hidden_articles_have_no_ninjs_3(self):
        for article in [self.room.draft, self.room.private, self.room.scheduled]:
            self.assertEqual(self.client.get(f"/ninjs/3/articles/{article.pk}.json").status_code, 404)
