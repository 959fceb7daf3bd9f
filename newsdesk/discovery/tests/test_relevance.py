"""A judged relevance set on the demo desk: for each query, the article that must come first and the
articles a reader would count as right answers. precision@5 is the share of the top five that are
right answers, over at most five (min(5, judged)), averaged over the queries."""

from django.db import connection
from django.test import TestCase

from newsdesk.demo.loader import load_demo
from newsdesk.discovery.engine import SearchQuery, search

FIRST, ALSO = 0, 1
JUDGED = {
    "gwadar airport": ("gwadar-airport-open-cargo-harder", {"zardari-beijing-state-visit-cpec-security"}),
    "free trade agreement phase II": ("explainer-fta-phase-two", {"import-fairs-pakistani-exporters-fta-phase-two"}),
    "ML-1 railway": (
        "explainer-ml1-railway",
        {"pakistan-china-ml1-karakoram-financing", "interview-economist-cpec-financing"},
    ),
    "Karakoram Highway realignment": (
        "explainer-karakoram-highway-raikot-thakot",
        {"pakistan-china-ml1-karakoram-financing", "interview-road-builder-karakoram"},
    ),
    "Gaza ceasefire": ("joint-statement-gaza-afghanistan-un", set()),
    "safety of Chinese workers": ("security-first-chinese-workers-corridor", set()),
    "UN middle powers": ("un-at-80-middle-powers", set()),
    "Chinese lessons classrooms": ("chinese-lessons-long-term-bet", set()),
    "AI big data": ("china-pakistan-ai-big-data-talent-exchange", {"innovation-corridor-needs-more-than-data-centres"}),
    "data centres": (
        "innovation-corridor-needs-more-than-data-centres",
        {"china-pakistan-ai-big-data-talent-exchange"},
    ),
    "network engineer": ("interview-network-engineer-communications", set()),
    "road builder": ("interview-road-builder-karakoram", set()),
    "tech firms training": ("tech-firms-should-bring-training", set()),
    "Zardari Beijing": ("zardari-beijing-state-visit-cpec-security", set()),
    "Five corridors, one ledger: what an upgraded CPEC has to prove": (
        "five-corridors-one-ledger-upgraded-cpec",
        set(),
    ),
    "Pakistan should sell services to China, not only textiles": ("pakistan-should-sell-services-to-china", set()),
    "economist financing bottleneck": ("interview-economist-cpec-financing", set()),
    "import fairs": ("import-fairs-pakistani-exporters-fta-phase-two", set()),
    "5Es": ("explainer-cpec-five-corridors-5es", set()),
}


# Known misses, kept visible rather than dropped from the set (none at present; PostgreSQL's ts_rank_cd, used
# before ts_rank, put the CPEC analysis above the ML-1 explainer for "ML-1 railway").
KNOWN_MISSES: dict[str, set[str]] = {}


def ranked_slugs(text: str) -> list[str]:
    return [page.slug for page in search(SearchQuery(text)).pages]


def precision_at_5(judged=JUDGED) -> float:
    shares = []
    for text, (first, also) in judged.items():
        right = {first} | also
        top = ranked_slugs(text)[:5]
        shares.append(len(right & set(top)) / min(5, len(right)))
    return sum(shares) / len(shares)


class DemoDeskRelevanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo(base_url="http://testserver")

    def test_the_judged_article_comes_first(self):
        misses = KNOWN_MISSES.get(connection.vendor, set())
        for text, (first, _also) in JUDGED.items():
            if text in misses:
                continue
            with self.subTest(text=text):
                self.assertEqual(ranked_slugs(text)[:1], [first])

    def test_precision_at_5_over_the_judged_set(self):
        # Measured: 0.95 on SQLite and on PostgreSQL.
        self.assertGreaterEqual(precision_at_5(), 0.85)
