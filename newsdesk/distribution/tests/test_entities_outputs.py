"""Entities in the machine outputs: the read API (filter and endpoints) and ninjs subjects; never a hidden article's."""

import json

from django.test import TestCase
from openapi_spec_validator import validate

from newsdesk.distribution.tests.checkers import ninjs_errors
from newsdesk.entities.models import EntityAlias
from newsdesk.testing import EntityNewsroom


class EntityOutputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = EntityNewsroom()

    def get(self, path, status=200):
        response = self.client.get(path)
        self.assertEqual(response.status_code, status, response.content[:300])
        return json.loads(response.content)

    # -- the read API ------------------------------------------------------------------------------

    def test_articles_filter_by_entity_and_never_show_a_hidden_one(self):
        listed = self.get("/api/v1/articles/?entity=cpec")
        self.assertEqual([item["headline"] for item in listed["items"]], [a.title for a in self.room.cpec_articles])
        self.assertEqual(listed["count"], 3)
        self.assertEqual(self.get("/api/v1/articles/?entity=project-nightingale")["count"], 0)

    def test_an_unknown_entity_is_a_bad_parameter(self):
        problem = self.get("/api/v1/articles/?entity=atlantis", status=400)
        self.assertEqual(problem["errors"][0]["parameter"], "entity")

    def test_entities_are_listed_with_their_hub_and_published_article_count(self):
        listed = self.get("/api/v1/entities/")
        by_slug = {item["slug"]: item for item in listed["items"]}
        self.assertEqual(sorted(by_slug), ["cpec", "gwadar", "pakistan", "xi-jinping"])
        cpec = by_slug["cpec"]
        self.assertEqual(cpec["article_count"], 3)
        self.assertEqual(cpec["url"], "http://testserver/topics/cpec/")
        self.assertEqual(cpec["kind"], "project")
        self.assertEqual(cpec["feeds"]["atom"], "http://testserver/topics/cpec/feed/atom/")

    def test_one_entity_comes_with_its_aliases_and_same_as(self):
        EntityAlias.objects.create(entity=self.room.cpec, name="China-Pakistan Economic Corridor")
        detail = self.get("/api/v1/entities/cpec/")
        self.assertEqual(detail["aliases"], ["China-Pakistan Economic Corridor"])
        self.assertEqual(detail["same_as"], ["https://www.wikidata.org/wiki/Q1137566"])
        self.get("/api/v1/entities/project-nightingale/", status=404)
        self.get("/api/v1/entities/main-line-1/", status=404)

    def test_the_openapi_document_declares_the_entity_endpoints(self):
        schema = self.get("/api/v1/openapi.json")
        validate(schema)
        self.assertIn("/api/v1/entities/{slug}/", schema["paths"])
        parameters = schema["paths"]["/api/v1/articles/"]["get"]["parameters"]
        self.assertIn("entity", [parameter["name"] for parameter in parameters])

    # -- ninjs ---------------------------------------------------------------------------------------

    def test_ninjs_carries_the_entities_as_subjects_with_their_hub_uris(self):
        for path, version in [("/ninjs/articles/{}.json", "2.2"), ("/ninjs/3/articles/{}.json", "3.1")]:
            item = self.get(path.format(self.room.lead.pk))
            self.assertEqual(ninjs_errors(item, version), [], version)
            subjects = {subject["name"]: subject for subject in item["subjects"]}
            self.assertEqual(subjects["CPEC"]["uri"], "http://testserver/topics/cpec/")
            self.assertEqual(subjects["CPEC"]["rel"], "about")
            self.assertEqual(subjects["CPEC"]["literal"], "project:cpec")
            self.assertEqual(subjects["Xi Jinping"]["rel"], "mentions")
            self.assertNotIn("Project Nightingale", subjects)
