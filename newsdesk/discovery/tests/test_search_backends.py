"""Which engine serves the site search, from the environment; and the OpenSearch/Elasticsearch path.

No search server runs here: the settings the environment produces are checked as data, and the
Wagtail-backend path of the engine runs against Wagtail's database backend, through the same calls.
"""

from unittest import mock

import lxml.html
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import SimpleTestCase, TestCase, override_settings
from wagtail.rich_text import RichText

from newsdesk.core import env
from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.engine.backends import backend_path
from newsdesk.testing import make_article, make_author, make_section, minutes_ago


class SearchSettingsTests(SimpleTestCase):
    def settings_for(self, **variables):
        with mock.patch.dict("os.environ", variables, clear=True):
            return env.search_backends()

    def test_the_database_engine_is_the_default(self):
        chosen, backends = self.settings_for()
        self.assertEqual(chosen, "")
        self.assertEqual(backends["default"]["BACKEND"], "newsdesk.discovery.wagtail_backend")

    def test_opensearch_is_chosen_with_its_address(self):
        chosen, backends = self.settings_for(
            NEWSDESK_SEARCH_BACKEND="opensearch", OPENSEARCH_URL="https://search.internal:9200,https://b:9200"
        )
        self.assertEqual(chosen, "opensearch")
        self.assertEqual(
            backends["default"],
            {
                "BACKEND": "wagtail.search.backends.opensearch2",
                "URLS": ["https://search.internal:9200", "https://b:9200"],
                "INDEX_PREFIX": "newsdesk_",
                "TIMEOUT": 5,
                "ATOMIC_REBUILD": True,
            },
        )

    def test_elasticsearch_takes_its_own_address_prefix_and_timeout(self):
        chosen, backends = self.settings_for(
            NEWSDESK_SEARCH_BACKEND="Elasticsearch",
            ELASTICSEARCH_URL="http://es:9200",
            NEWSDESK_SEARCH_INDEX_PREFIX="meridian_",
            NEWSDESK_SEARCH_TIMEOUT="12",
        )
        self.assertEqual(backends["default"]["BACKEND"], "wagtail.search.backends.elasticsearch8")
        self.assertEqual((backends["default"]["INDEX_PREFIX"], backends["default"]["TIMEOUT"]), ("meridian_", 12))
        self.assertEqual(chosen, "opensearch")

    def test_a_missing_address_or_unknown_engine_fails_loudly(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "needs OPENSEARCH_URL"):
            self.settings_for(NEWSDESK_SEARCH_BACKEND="opensearch")
        with self.assertRaisesMessage(ImproperlyConfigured, "needs ELASTICSEARCH_URL"):
            self.settings_for(NEWSDESK_SEARCH_BACKEND="elasticsearch", ELASTICSEARCH_URL="es:9200")
        with self.assertRaisesMessage(ImproperlyConfigured, "use database (the default)"):
            self.settings_for(NEWSDESK_SEARCH_BACKEND="solr")

    def test_the_engine_module_follows_the_choice(self):
        with override_settings(NEWSDESK_SEARCH_BACKEND=""):
            self.assertIn(connection.vendor if connection.vendor != "postgresql" else "postgres", backend_path())
        with override_settings(NEWSDESK_SEARCH_BACKEND="opensearch"):
            self.assertEqual(backend_path(), "newsdesk.discovery.engine.backends.wagtail.WagtailBackend")


@override_settings(NEWSDESK_SEARCH_BACKEND="opensearch")
class WagtailBackendTests(TestCase):
    """The engine over Wagtail's search backend (here its database backend, standing in for OpenSearch)."""

    @classmethod
    def setUpTestData(cls):
        business = make_section("Business", slug="business")
        technology = make_section("Technology", slug="technology")
        writer = make_author("Amina Rahman")
        body = [("paragraph", RichText("<p>Freighters land at the new runway &lt;b&gt; from next month.</p>"))]
        cls.airport = make_article(
            business, "Gwadar airport opens", authors=[writer], body=body, published_at=minutes_ago(90)
        )
        cls.port = make_article(business, "Gwadar port traffic grows", kind="analysis", published_at=minutes_ago(60))
        cls.cloud = make_article(technology, "Cloud capacity for Islamabad", standfirst="A data link to Gwadar.")
        cls.draft = make_article(business, "Gwadar draft plans", publish=False)

    def ids(self, text, **options):
        return [page.pk for page in search(SearchQuery(text, **options)).pages]

    def test_it_finds_published_articles_only(self):
        self.assertEqual(set(self.ids("gwadar ")), {self.airport.pk, self.port.pk, self.cloud.pk})

    def test_exclusions_and_facets_apply(self):
        self.assertEqual(set(self.ids("gwadar -airport ")), {self.port.pk, self.cloud.pk})
        self.assertEqual(self.ids("gwadar ", sections=("business",), kinds=("analysis",)), [self.port.pk])
        results = search(SearchQuery("gwadar ", sections=("business",)))
        self.assertEqual({v.value: v.count for v in results.facets["section"]}, {"business": 2, "technology": 1})

    def test_snippets_are_marked_and_escaped(self):
        hit = search(SearchQuery("freighters ")).hits[0]
        self.assertIn("&lt;b&gt;", str(hit.snippet))
        snippet = lxml.html.fragment_fromstring(str(hit.snippet), create_parent="div")
        self.assertEqual([mark.text for mark in snippet.xpath("//mark")], ["Freighters"])
