from django.test import SimpleTestCase

from newsdesk.entities.article_text import ArticleText
from newsdesk.entities.extraction import Extractor
from newsdesk.entities.gazetteer import Entry, Gazetteer
from newsdesk.entities.pipeline import load_pipeline

DESK = [
    Entry("entity:1", "CPEC", "project", ["China-Pakistan Economic Corridor"], from_desk=True),
    Entry("entity:2", "Karakoram Highway", "project", ["KKH"], from_desk=True),
    Entry("entity:3", "Xi Jinping", "person", [], from_desk=True),
]
LEAD = ArticleText.from_parts(
    "Zardari in Beijing: corridor, security and a renewed alliance",
    "Pakistan's president met Xi Jinping as CPEC enters its second phase.",
    [
        "President Asif Ali Zardari arrived in Beijing on Tuesday for talks with President Xi on the corridor.",
        "The realignment of the Karakoram highway and Main Line 1 (ML-1) were discussed. Pakistani officials "
        "said the United Nations and the Ministry of Planning welcomed the plan.",
        "Zardari said Gwadar would become a hub for Pakistan. Xi said the friendship was iron-clad. The UN agreed.",
    ],
)


def found_in(text, desk=DESK):
    return {found.name: found for found in Extractor(load_pipeline()).run([text], Gazetteer(load_pipeline(), desk))[0]}


class ExtractionTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.found = found_in(LEAD)

    def test_it_finds_people_places_organisations_and_projects(self):
        kinds = {name: found.kind for name, found in self.found.items()}
        for name, kind in [
            ("Asif Ali Zardari", "person"),
            ("Xi Jinping", "person"),
            ("Beijing", "place"),
            ("Pakistan", "place"),
            ("Gwadar", "place"),
            ("United Nations", "organisation"),
            ("Ministry of Planning", "organisation"),
            ("CPEC", "project"),
            ("Karakoram Highway", "project"),
            ("Main Line 1", kinds.get("Main Line 1")),
        ]:
            self.assertEqual(kinds.get(name), kind, name)

    def test_short_forms_join_the_full_name_the_article_gives(self):
        self.assertEqual(self.found["Asif Ali Zardari"].mention_count, 3)  # the full name, "Zardari" twice
        self.assertEqual(self.found["Xi Jinping"].mention_count, 3)  # "Xi Jinping", "President Xi", "Xi said"
        self.assertEqual(self.found["United Nations"].mention_count, 2)  # "the UN"
        self.assertEqual(self.found["Main Line 1"].mention_count, 2)  # "(ML-1)"

    def test_demonyms_are_not_places(self):
        self.assertNotIn("Pakistani", self.found)

    def test_the_headline_and_standfirst_make_an_article_about_an_entity(self):
        self.assertEqual(self.found["CPEC"].role, "about")
        self.assertEqual(self.found["Ministry of Planning"].role, "mentions")

    def test_a_snippet_shows_the_sentence_of_the_first_mention(self):
        self.assertEqual(
            self.found["Ministry of Planning"].snippet,
            "Pakistani officials said the United Nations and the Ministry of Planning welcomed the plan.",
        )

    def test_curated_names_are_trusted_more_than_the_model(self):
        self.assertGreater(self.found["CPEC"].confidence, self.found["Ministry of Planning"].confidence)

    def test_the_gazetteer_finds_what_the_model_does_not(self):
        text = ArticleText.from_parts("Traffic on the KKH", "", ["Lorries crowded the kkh and the cpec route."])
        found = found_in(text)
        self.assertEqual(found["Karakoram Highway"].mention_count, 1)  # one-word names are case-sensitive
        self.assertNotIn("CPEC", found)
