"""The evaluation set that bench/understanding.py scores against holds together.

The gold annotations are hand-written, so a typo in a name, a one-sided related pair or an alias
given to two entities would silently skew the benchmark's figures; these checks catch that.
"""

import json
from collections import Counter
from pathlib import Path

from django.test import SimpleTestCase

DATA = Path(__file__).resolve().parents[3] / "bench" / "data" / "understanding"
KINDS = {"person", "organisation", "place", "event", "project", "topic"}
ROLES = {"about", "mentions"}


def article_text(article: dict) -> str:
    return " ".join([article["headline"], article["standfirst"], *article["body"]])


class EvaluationDataTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.articles = json.loads((DATA / "articles.json").read_text())
        cls.catalogue = json.loads((DATA / "catalogue.json").read_text())
        cls.by_id = {article["id"]: article for article in cls.articles}
        cls.catalogued = {entry["name"]: entry for entry in cls.catalogue}

    def test_it_has_at_least_thirty_short_articles_with_unique_ids(self):
        self.assertGreaterEqual(len(self.articles), 30)
        self.assertEqual(len(self.by_id), len(self.articles))
        for article in self.articles:
            with self.subTest(article=article["id"]):
                self.assertTrue(article["headline"] and article["standfirst"])
                self.assertGreaterEqual(len(article["body"]), 3)
                self.assertTrue(200 <= len(article_text(article).split()) <= 450)

    def test_gold_entities_have_valid_kinds_and_roles_and_are_listed_once(self):
        for article in self.articles:
            with self.subTest(article=article["id"]):
                names = [entity["name"] for entity in article["entities"]]
                self.assertEqual([n for n, count in Counter(names).items() if count > 1], [])
                self.assertLessEqual({entity["kind"] for entity in article["entities"]}, KINDS)
                self.assertLessEqual({entity["role"] for entity in article["entities"]}, ROLES)
                self.assertIn("about", {entity["role"] for entity in article["entities"]})

    def test_every_gold_entity_is_named_in_its_article(self):
        for article in self.articles:
            text = article_text(article)
            for entity in article["entities"]:
                forms = [entity["name"], *self.catalogued.get(entity["name"], {}).get("aliases", [])]
                if entity["kind"] == "person":
                    forms.append(entity["name"].split()[-1])
                with self.subTest(article=article["id"], entity=entity["name"]):
                    self.assertTrue(any(form in text for form in forms))

    def test_an_entity_has_the_same_kind_everywhere(self):
        kinds = {}
        for article in self.articles:
            for entity in article["entities"]:
                self.assertEqual(kinds.setdefault(entity["name"], entity["kind"]), entity["kind"], entity["name"])
        for entry in self.catalogue:
            self.assertEqual(kinds.get(entry["name"]), entry["kind"], f"{entry['name']} not in gold with this kind")

    def test_related_articles_exist_and_are_symmetric(self):
        for article in self.articles:
            with self.subTest(article=article["id"]):
                related = article["related"]
                # Five or more, so that precision over five slots can reach 1.0 for every article.
                self.assertGreaterEqual(len(related), 5)
                self.assertNotIn(article["id"], related)
                for other in related:
                    self.assertIn(article["id"], self.by_id[other]["related"])

    def test_story_lines_are_whole_groups_of_at_least_six(self):
        for article in self.articles:
            with self.subTest(article=article["id"]):
                group = {article["id"], *article["related"]}
                self.assertGreaterEqual(len(group), 6)
                for other in article["related"]:
                    self.assertEqual({other, *self.by_id[other]["related"]}, group)

    def test_catalogue_names_and_aliases_point_to_one_entity_each(self):
        surface_forms = Counter(
            form.casefold() for entry in self.catalogue for form in {entry["name"], *entry["aliases"]}
        )
        self.assertEqual([form for form, count in surface_forms.items() if count > 1], [])

    def test_catalogue_entries_are_complete(self):
        for entry in self.catalogue:
            with self.subTest(entry=entry["name"]):
                self.assertIn(entry["kind"], KINDS)
                self.assertTrue(entry["description"])
                for url in entry["same_as"]:
                    self.assertRegex(url, r"^https://(www\.wikidata\.org|en\.wikipedia\.org)/wiki/\S+$")

    def test_the_cpec_story_line_is_large_enough_for_its_hub(self):
        on_cpec = [
            article["id"]
            for article in self.articles
            if any(entity["name"] == "China-Pakistan Economic Corridor" for entity in article["entities"])
        ]
        self.assertGreaterEqual(len(on_cpec), 4)
