"""Values stored as-is (imports, the shell, older versions bypass the forms' cleaning) reach feeds,
sitemaps, JSON-LD and the API as text: never as markup, never as an unsafe link, never as a 500."""

import json

from django.test import TestCase
from lxml import etree
from lxml import html as lxml_html
from taggit.models import Tag

from newsdesk.articles.models import ArticlePage
from newsdesk.people.models import AuthorLink
from newsdesk.sections.models import PublicationSettings
from newsdesk.testing import default_site, make_article, make_author, make_section

HOSTILE = '<img src=x onerror="alert(1)"> & <b>bold</b>'
VT = "\x0b"
RSS_FEEDS = ["/feed/rss/", "/hostile/feed/rss/", "/authors/hostile-writer/feed/rss/", "/tags/bboldb/feed/rss/"]
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def as_html_text(value: str) -> str:
    """What a feed reader that renders the value as HTML shows; fails if the value holds any element."""
    fragment = lxml_html.fragment_fromstring(f"<p>{value}</p>")
    assert not len(fragment), f"markup reached the reader: {value!r}"
    return fragment.text_content()


class HostileTextTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        settings, _ = PublicationSettings.objects.update_or_create(site=default_site(), defaults={"language": "en"})
        # Stored past the input cleaning (as data from before it, or written by another tool), so what is
        # tested here is the outputs' own guard.
        PublicationSettings.objects.filter(pk=settings.pk).update(name=f"The{VT} Meridian")
        section = make_section("Hostile", slug="hostile", description=HOSTILE)
        author = make_author(f"Writer {HOSTILE}", slug="hostile-writer", bio=f"Bio {HOSTILE}")
        AuthorLink.objects.create(author=author, label="Site", url="javascript:alert(1)")
        AuthorLink.objects.create(author=author, label="Home", url="https://example.org/writer")
        # What an emoji-only tag became before slugs were guarded on save: stored as it was, past the guard.
        empty_slug_tag = Tag.objects.create(name="🔥")
        Tag.objects.filter(pk=empty_slug_tag.pk).update(slug="")
        cls.article = make_article(
            section,
            f"Headline {HOSTILE}{VT}",
            authors=[author],
            tags=["<b>bold</b>"],
            standfirst=f"A standfirst{VT} pasted from a word processor.",
            body=[("quote", {"text": "Quoted.", "attribution": "Someone", "source_url": "javascript:alert(1)"})],
        )
        cls.article.tags.add(empty_slug_tag)
        ArticlePage.objects.filter(pk=cls.article.pk).update(
            title=f"Headline {HOSTILE}{VT}", standfirst=f"A standfirst{VT} pasted from a word processor."
        )
        cls.hidden = make_article(section, "Never published", tags=["Only hidden"], publish=False)

    def xml(self, url) -> etree._Element:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return etree.fromstring(response.content)

    def test_rss_states_markup_as_text_everywhere_readers_render_html(self):
        for url in RSS_FEEDS:
            with self.subTest(url=url):
                channel = self.xml(url).find("channel")
                for text in [channel.findtext("title"), channel.findtext("description")]:
                    as_html_text(text)
                item = channel.find("item")
                self.assertEqual(as_html_text(item.findtext("title")), f"Headline {HOSTILE}")
                self.assertIn("<b>bold</b>", [as_html_text(c.text) for c in item.findall("category")])
                self.assertEqual([as_html_text(c.text) for c in item.findall("dc:creator", NS)], [f"Writer {HOSTILE}"])
                self.assertEqual(
                    as_html_text(item.findtext("description")), "A standfirst pasted from a word processor."
                )
        self.assertEqual(as_html_text(self.xml("/hostile/feed/rss/").find("channel").findtext("description")), HOSTILE)
        self.assertEqual(
            as_html_text(self.xml("/authors/hostile-writer/feed/rss/").find("channel").findtext("description")),
            f"Bio {HOSTILE}",
        )
        self.assertEqual(
            as_html_text(self.xml("/tags/bboldb/feed/rss/").find("channel").findtext("title")),
            "<b>bold</b> | The Meridian",
        )

    def test_atom_carries_plain_text_without_control_characters(self):
        feed = self.xml("/feed/atom/")
        self.assertEqual(feed.findtext("atom:title", namespaces=NS), "The Meridian")
        self.assertEqual(feed.find("atom:entry", NS).findtext("atom:title", namespaces=NS), f"Headline {HOSTILE}")
        self.assertEqual(
            json.loads(self.client.get("/feed/json/").content)["items"][0]["title"], f"Headline {HOSTILE}{VT}"
        )

    def test_sitemaps_survive_control_characters_and_a_tag_without_slug(self):
        news = self.xml("/sitemap-news.xml")
        self.assertEqual(news.findtext(".//news:name", namespaces=NS), "The Meridian")
        self.assertEqual(news.findtext(".//news:title", namespaces=NS), f"Headline {HOSTILE}")
        pages = [loc.text for loc in self.xml("/sitemap-pages-1.xml").iter("{*}loc")]
        self.assertIn("http://testserver/tags/bboldb/", pages)
        self.assertNotIn("http://testserver/tags//", pages)
        self.xml("/sitemap-articles-1.xml")
        self.xml("/sitemap.xml")

    def test_the_api_lists_tags_it_can_link_and_only_safe_links(self):
        response = self.client.get("/api/v1/articles/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([tag["name"] for tag in response.json()["items"][0]["tags"]], ["<b>bold</b>"])
        detail = self.client.get(f"/api/v1/articles/{self.article.pk}/").json()
        quote = next(block for block in detail["body"] if block["type"] == "quote")
        self.assertEqual(quote["value"]["source_url"], "")
        self.assertEqual(self.client.get(f"/ninjs/articles/{self.article.pk}.json").status_code, 200)

    def test_json_ld_sends_only_http_https_and_mailto_links(self):
        tree = lxml_html.fromstring(self.client.get("/authors/hostile-writer/").content)
        graph = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)["@graph"]
        profile = next(node for node in graph if node["@type"] == "ProfilePage")
        self.assertEqual(profile["mainEntity"]["sameAs"], ["https://example.org/writer"])

    def test_a_tag_only_hidden_articles_carry_has_no_page_and_no_feed(self):
        for url in ["/tags/only-hidden/", "/tags/only-hidden/feed/rss/", "/tags/only-hidden/feed/json/"]:
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.assertEqual(self.client.get("/tags/bboldb/").status_code, 200)
