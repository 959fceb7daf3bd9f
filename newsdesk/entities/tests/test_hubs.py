"""Topic hubs: one page per entity readers can see, with its published articles, its company and its feeds."""

import json

import feedparser
from django.test import TestCase

from newsdesk.entities.merging import merge
from newsdesk.entities.models import ArticleEntity, Entity
from newsdesk.testing import EntityNewsroom, parse_html, text_of


def json_ld(response) -> list[dict]:
    tree = parse_html(response)
    return [json.loads(script.text) for script in tree.xpath("//script[@type='application/ld+json']")]


def graph_node(response, type_name) -> dict:
    return next(node for document in json_ld(response) for node in document["@graph"] if node["@type"] == type_name)


class HubPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.room = EntityNewsroom()

    def hub(self, slug="cpec"):
        response = self.client.get(f"/topics/{slug}/")
        self.assertEqual(response.status_code, 200)
        return response

    def test_it_states_the_entity_and_lists_its_published_articles_newest_first(self):
        tree = parse_html(self.hub())
        self.assertEqual(text_of(tree.xpath("//h1")[0]), "CPEC")
        self.assertEqual(text_of(tree.xpath("//header//p[@class='kind']")[0]), "Project")
        self.assertIn("China–Pakistan Economic Corridor", text_of(tree.xpath("//header//p[@class='bio']")[0]))
        self.assertEqual(text_of(tree.xpath("//figure[@class='hub-image']/figcaption")[0]), "Image: Reuters")
        listed = [text_of(a) for a in tree.xpath("//section[@class='listing-items']//article//h3/a")]
        self.assertEqual(listed, [article.title for article in self.room.cpec_articles])

    def test_no_hidden_article_shows_on_the_hub(self):
        content = self.hub().content.decode()
        for title in [*self.room.hidden_titles, "Withdrawn railway story"]:
            self.assertNotIn(title, content)

    def test_it_names_the_entities_most_often_beside_it_from_published_articles_only(self):
        tree = parse_html(self.hub())
        company = [text_of(li) for li in tree.xpath("//section[@class='appears-with']//li")]
        self.assertEqual(company, ["Gwadar (2 articles)", "Pakistan (1 article)", "Xi Jinping (1 article)"])
        links = tree.xpath("//section[@class='appears-with']//a/@href")
        self.assertEqual(links, ["/topics/gwadar/", "/topics/pakistan/", "/topics/xi-jinping/"])

    def test_it_links_its_feeds_in_the_page_and_the_head(self):
        tree = parse_html(self.hub())
        visible = tree.xpath("//ul[@class='hub-feeds']//a/@href")
        expected = ["/topics/cpec/feed/rss/", "/topics/cpec/feed/atom/", "/topics/cpec/feed/json/"]
        self.assertEqual(visible, expected)
        alternates = tree.xpath("//link[@rel='alternate']/@href")
        for path in expected:
            self.assertIn(path, alternates)

    def test_its_feeds_carry_its_published_articles_in_three_formats(self):
        titles = [article.title for article in self.room.cpec_articles]
        for fmt in ("rss", "atom"):
            feed = feedparser.parse(self.client.get(f"/topics/cpec/feed/{fmt}/").content)
            self.assertFalse(feed.bozo, fmt)
            self.assertEqual([entry.title for entry in feed.entries], titles, fmt)
            self.assertEqual(feed.feed.title, "CPEC | The Meridian")
        document = json.loads(self.client.get("/topics/cpec/feed/json/").content)
        self.assertEqual([item["title"] for item in document["items"]], titles)
        self.assertEqual(document["feed_url"], "http://testserver/topics/cpec/feed/json/")

    def test_an_entity_named_only_in_hidden_articles_has_no_hub_and_no_feed(self):
        self.assertEqual(self.client.get("/topics/project-nightingale/").status_code, 404)
        self.assertEqual(self.client.get("/topics/project-nightingale/feed/rss/").status_code, 404)
        self.assertEqual(self.client.get("/topics/no-such-thing/").status_code, 404)

    def test_a_hub_whose_only_article_was_unpublished_is_gone_and_leaves_the_sitemap(self):
        self.assertEqual(self.client.get("/topics/main-line-1/").status_code, 404)
        self.assertEqual(self.client.get("/topics/main-line-1/feed/json/").status_code, 404)
        sitemap = self.client.get("/sitemap-pages-1.xml").content.decode()
        self.assertIn("<loc>http://testserver/topics/cpec/</loc>", sitemap)
        self.assertIn("<loc>http://testserver/topics/xi-jinping/</loc>", sitemap)
        self.assertNotIn("main-line-1", sitemap)
        self.assertNotIn("project-nightingale", sitemap)

    def test_a_hub_pages_its_articles(self):
        self.assertEqual(self.client.get("/topics/cpec/?page=2").status_code, 404)  # three articles fit one page
        self.assertEqual(self.client.get("/topics/cpec/?page=abc").status_code, 200)

    def test_its_json_ld_is_a_collection_page_about_the_thing(self):
        page = graph_node(self.hub(), "CollectionPage")
        self.assertEqual(page["url"], "http://testserver/topics/cpec/")
        self.assertEqual(page["about"]["@type"], "Thing")
        self.assertEqual(page["about"]["name"], "CPEC")
        self.assertEqual(page["about"]["sameAs"], ["https://www.wikidata.org/wiki/Q1137566"])
        self.assertIn("image", page["about"])
        self.assertEqual(graph_node(self.hub("gwadar"), "CollectionPage")["about"]["@type"], "Place")
        self.assertEqual(graph_node(self.hub("xi-jinping"), "CollectionPage")["about"]["@type"], "Person")

    def test_its_social_card_shows_the_entity(self):
        tree = parse_html(self.hub())
        og = {meta.get("property"): meta.get("content") for meta in tree.xpath("//meta[@property]")}
        self.assertEqual(og["og:title"], "CPEC")
        self.assertEqual(og["og:url"], "http://testserver/topics/cpec/")
        self.assertEqual(og["og:description"], "The China–Pakistan Economic Corridor.")
        self.assertTrue(og["og:image"].startswith("http://testserver/"))
        self.assertEqual(tree.xpath("//link[@rel='canonical']/@href"), ["http://testserver/topics/cpec/"])

    # -- articles link their hubs --------------------------------------------------------------------

    def test_an_article_links_what_it_is_about_to_their_hubs(self):
        tree = parse_html(self.client.get(self.room.lead.url))
        story = tree.xpath("//nav[@aria-labelledby='in-this-story-title']")[0]
        self.assertEqual(text_of(story.xpath(".//h2")[0]), "In this story")
        self.assertEqual(story.xpath(".//a/@href"), ["/topics/cpec/", "/topics/gwadar/"])
        self.assertEqual([text_of(a) for a in story.xpath(".//a")], ["CPEC (Project)", "Gwadar (Place)"])

    def test_its_json_ld_says_what_it_is_about_and_what_it_mentions(self):
        article = graph_node(self.client.get(self.room.lead.url), "NewsArticle")
        about = {thing["name"]: thing for thing in article["about"]}
        self.assertEqual(set(about), {"CPEC", "Gwadar"})
        self.assertEqual(about["CPEC"]["sameAs"], ["https://www.wikidata.org/wiki/Q1137566"])
        self.assertEqual(about["CPEC"]["url"], "http://testserver/topics/cpec/")
        self.assertEqual(about["Gwadar"]["@type"], "Place")
        self.assertEqual([(m["@type"], m["name"]) for m in article["mentions"]], [("Person", "Xi Jinping")])

    def test_a_link_an_editor_rejected_shows_nowhere(self):
        ArticleEntity.objects.filter(article=self.room.lead, entity=self.room.gwadar).update(status="rejected")
        tree = parse_html(self.client.get(self.room.lead.url))
        self.assertEqual(tree.xpath("//nav[@aria-labelledby='in-this-story-title']//a/@href"), ["/topics/cpec/"])

    # -- merges ----------------------------------------------------------------------------------------

    def test_the_old_address_of_a_merged_entity_redirects_to_the_survivor(self):
        duplicate = Entity.objects.create(name="China-Pakistan Economic Corridor", kind="project")
        old_slug = duplicate.slug
        merge(duplicate, into=self.room.cpec)
        response = self.client.get(f"/topics/{old_slug}/")
        self.assertEqual((response.status_code, response["Location"]), (301, "/topics/cpec/"))
        feed = self.client.get(f"/topics/{old_slug}/feed/atom/")
        self.assertEqual((feed.status_code, feed["Location"]), (301, "/topics/cpec/feed/atom/"))
