"""The <head> of reader pages: canonical, feeds, social cards and JSON-LD, judged by independent checkers."""

import json
import re

import extruct
from django.test import TestCase
from lxml import html as lxml_html

from newsdesk.distribution.tests.checkers import nu_html_errors, structured_data_issues
from newsdesk.people.models import Author
from newsdesk.sections.models import StandardPage
from newsdesk.testing import Newsroom, home_page, make_article, make_author, make_image

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$")
ARTICLE_TYPES = {
    "NewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReportageNewsArticle",
}
EXPECTED_TYPE = {
    "news": "NewsArticle",
    "analysis": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    "explainer": "BackgroundNewsArticle",
    "interview": "NewsArticle",
}


class HeadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = Newsroom()

    def get(self, url, status=200) -> bytes:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return response.content

    def reader_pages(self) -> dict[str, bytes]:
        pages = {
            "home": self.get("/"),
            "section": self.get("/global-affairs/"),
            "author (person)": self.get("/authors/amina-rahman/"),
            "author (desk)": self.get("/authors/news-desk/"),
            "tag": self.get("/tags/cpec/"),
            "404": self.get("/no-such-page/", status=404),
            "search with facets": self.get("/search/?q=corridor&section=global-affairs&kind=news&sort=newest"),
            "search, nothing found": self.get("/search/?q=corridr"),
        }
        for kind, article in self.room.by_kind.items():
            pages[f"article ({kind})"] = self.get(article.url)
        return pages

    def json_ld(self, url) -> list[dict]:
        data = extruct.extract(self.get(url).decode(), base_url=f"http://testserver{url}", syntaxes=["json-ld"])
        graph = []
        for document in data["json-ld"]:
            graph += document.get("@graph", [document])
        return graph

    def meta(self, url) -> dict[str, list[str]]:
        tree = lxml_html.fromstring(self.get(url))
        found = {}
        for node in tree.xpath("//head/meta[@property or @name]"):
            found.setdefault(node.get("property") or node.get("name"), []).append(node.get("content"))
        return found

    # -- independent checkers -------------------------------------------------------------------

    def test_every_reader_page_passes_the_nu_html_checker(self):
        errors = nu_html_errors(self.reader_pages())
        self.assertEqual(errors, [], "\n".join(errors))

    def test_the_schema_org_validator_finds_no_errors_or_warnings(self):
        report = structured_data_issues(self.reader_pages())
        problems = {page: issues for page, issues in report.items() if issues}
        self.assertEqual(problems, {}, json.dumps(problems, indent=1))

    # -- article structured data ---------------------------------------------------------------

    def test_each_article_page_has_exactly_one_article_object_of_its_kind(self):
        for kind, article in self.room.by_kind.items():
            with self.subTest(kind=kind):
                articles = [d for d in self.json_ld(article.url) if d.get("@type") in ARTICLE_TYPES]
                self.assertEqual(len(articles), 1)
                self.assertEqual(articles[0]["@type"], EXPECTED_TYPE[kind])

    def test_the_article_object_has_every_property_search_engines_use(self):
        url = self.room.lead.url
        (article,) = [d for d in self.json_ld(url) if d.get("@type") in ARTICLE_TYPES]
        for prop in (
            "headline",
            "description",
            "image",
            "datePublished",
            "dateModified",
            "author",
            "publisher",
            "mainEntityOfPage",
            "articleSection",
            "keywords",
            "isAccessibleForFree",
            "correction",
        ):
            self.assertIn(prop, article)
        self.assertEqual(article["headline"], self.room.lead.title)
        self.assertEqual(article["mainEntityOfPage"]["@id"], f"http://testserver{url}")
        self.assertEqual(article["articleSection"], "Global Affairs")
        self.assertEqual(article["keywords"], ["CPEC", "China", "Pakistan"])
        self.assertIs(article["isAccessibleForFree"], True)
        self.assertRegex(article["datePublished"], ISO_WITH_OFFSET)
        self.assertRegex(article["dateModified"], ISO_WITH_OFFSET)
        self.assertEqual(article["correction"][0]["text"], "An earlier version misspelt a minister's name.")

    def test_images_come_in_the_three_crops_with_credit(self):
        (article,) = [d for d in self.json_ld(self.room.lead.url) if d.get("@type") in ARTICLE_TYPES]
        ratios = sorted(round(image["width"] / image["height"], 2) for image in article["image"])
        self.assertEqual(ratios, [1.0, 1.33, 1.78])
        for image in article["image"]:
            self.assertTrue(image["url"].startswith("http://testserver/media/"))
            self.assertEqual(image["creditText"], "Reuters")

    def test_authors_are_people_or_desks_with_name_and_profile_url(self):
        (article,) = [d for d in self.json_ld(self.room.lead.url) if d.get("@type") in ARTICLE_TYPES]
        self.assertEqual(
            [(a["@type"], a["name"], a["url"]) for a in article["author"]],
            [
                ("Person", "Amina Rahman", "http://testserver/authors/amina-rahman/"),
                ("Organization", "News Desk", "http://testserver/authors/news-desk/"),
            ],
        )
        publisher = article["publisher"]
        self.assertEqual(publisher["name"], "The Meridian")
        self.assertTrue(publisher["logo"]["url"].startswith("http://testserver/media/"))

    def test_the_publisher_logo_is_at_least_112_pixels_each_way(self):
        for url in [self.room.lead.url, "/"]:
            logos = [node["logo"] for node in self.json_ld(url) if node.get("logo")]
            logos += [node["publisher"]["logo"] for node in self.json_ld(url) if "logo" in node.get("publisher", {})]
            self.assertTrue(logos, url)
            for logo in logos:
                self.assertGreaterEqual(logo["width"], 112, url)
                self.assertGreaterEqual(logo["height"], 112, url)
                self.assertEqual((logo["width"], logo["height"]), (800, 200), "the whole logo, not a crop")

    def test_every_listing_and_standard_page_has_a_social_image_and_description(self):
        about = StandardPage(
            title="About us",
            slug="about",
            body="<p></p><p>The Meridian reports <b>global affairs</b> from four bureaux.</p><p>More.</p>",
        )
        home_page().add_child(instance=about)
        about.save_revision().publish()
        photo = make_image("Portrait", width=900, height=1200, alt_text="Sam Lee smiling")
        make_author("Sam Lee", photo=photo)
        make_article(self.room.world, "By Sam", authors=[Author.objects.get(slug="sam-lee")])
        logo = f"http://testserver{self.room.logo.get_rendition('max-1200x600').url}"
        for url, image in [
            ("/", logo),
            ("/global-affairs/", logo),
            ("/tags/cpec/", logo),
            ("/authors/amina-rahman/", logo),
            ("/about/", logo),
            ("/authors/sam-lee/", f"http://testserver{photo.get_rendition('fill-400x400').url}"),
        ]:
            with self.subTest(url=url):
                meta = self.meta(url)
                self.assertEqual(meta["og:image"], [image])
                self.assertEqual(meta["twitter:image"], [image])
                self.assertTrue(meta["og:image:alt"][0])
        self.assertEqual(
            self.meta("/about/")["og:description"], ["The Meridian reports global affairs from four bureaux."]
        )

    def test_articles_and_sections_carry_breadcrumbs(self):
        for url, names in [
            (self.room.lead.url, ["Home", "Global Affairs", self.room.lead.title]),
            ("/global-affairs/", ["Home", "Global Affairs"]),
        ]:
            (crumbs,) = [d for d in self.json_ld(url) if d.get("@type") == "BreadcrumbList"]
            self.assertEqual([item["name"] for item in crumbs["itemListElement"]], names)
            self.assertEqual([item["position"] for item in crumbs["itemListElement"]], list(range(1, len(names) + 1)))

    def test_home_declares_the_publisher_and_a_site_search(self):
        graph = {d["@type"]: d for d in self.json_ld("/")}
        self.assertEqual(graph["NewsMediaOrganization"]["name"], "The Meridian")
        action = graph["WebSite"]["potentialAction"]
        self.assertEqual(action["target"]["urlTemplate"], "http://testserver/search/?q={search_term_string}")
        self.assertEqual(action["query-input"], "required name=search_term_string")

    def test_author_pages_are_profile_pages(self):
        for slug, entity_type in [("amina-rahman", "Person"), ("news-desk", "Organization")]:
            (profile,) = [d for d in self.json_ld(f"/authors/{slug}/") if d.get("@type") == "ProfilePage"]
            self.assertEqual(profile["mainEntity"]["@type"], entity_type)
            self.assertEqual(profile["mainEntity"]["url"], f"http://testserver/authors/{slug}/")

    # -- links and social cards ----------------------------------------------------------------

    def test_every_page_links_its_feeds_for_autodiscovery(self):
        expected = {
            "/": ["/feed/rss/", "/feed/atom/", "/feed/json/"],
            "/global-affairs/": ["/global-affairs/feed/rss/"],
            self.room.lead.url: ["/global-affairs/feed/atom/"],
            "/authors/amina-rahman/": ["/authors/amina-rahman/feed/json/"],
            "/tags/cpec/": ["/tags/cpec/feed/rss/"],
        }
        for url, feeds in expected.items():
            tree = lxml_html.fromstring(self.get(url))
            links = tree.xpath("//head/link[@rel='alternate'][@type]/@href")
            for feed in ["/feed/rss/", *feeds]:
                self.assertIn(feed, links, url)

    def test_canonical_and_hreflang_point_at_the_page_itself(self):
        tree = lxml_html.fromstring(self.get(self.room.lead.url))
        canonical = f"http://testserver{self.room.lead.url}"
        self.assertEqual(tree.xpath("//head/link[@rel='canonical']/@href"), [canonical])
        self.assertEqual(
            dict(
                zip(
                    tree.xpath("//head/link[@hreflang]/@hreflang"),
                    tree.xpath("//head/link[@hreflang]/@href"),
                    strict=True,
                )
            ),
            {"en": canonical, "x-default": canonical},
        )

    def test_article_social_cards_describe_the_article(self):
        meta = self.meta(self.room.lead.url)
        self.assertEqual(meta["og:type"], ["article"])
        self.assertEqual(meta["description"], [self.room.lead.standfirst])
        self.assertEqual(meta["og:image:width"], ["1200"])
        self.assertEqual(meta["og:image:height"], ["675"])
        self.assertEqual(meta["og:image:alt"], ["A test picture"])
        self.assertEqual(
            meta["article:author"], ["http://testserver/authors/amina-rahman/", "http://testserver/authors/news-desk/"]
        )
        self.assertEqual(meta["article:section"], ["Global Affairs"])
        self.assertEqual(meta["article:tag"], ["CPEC", "China", "Pakistan"])
        self.assertRegex(meta["article:published_time"][0], ISO_WITH_OFFSET)
        self.assertRegex(meta["article:modified_time"][0], ISO_WITH_OFFSET)
        self.assertEqual(meta["twitter:card"], ["summary_large_image"])
        self.assertEqual(meta["twitter:site"], ["@meridian"])
        self.assertEqual(meta["twitter:image"], meta["og:image"])

    def test_hidden_articles_never_reach_any_page_head(self):
        for url in ["/", "/global-affairs/", "/authors/amina-rahman/", "/tags/cpec/"]:
            head = lxml_html.fromstring(self.get(url)).xpath("//head")[0]
            text = lxml_html.tostring(head, encoding="unicode")
            for title in self.room.hidden_titles:
                self.assertNotIn(title, text)
