"""One feed address rule: the page head, the API and the feeds themselves state the same addresses."""

import json

from django.test import TestCase

from newsdesk.distribution.published import feed_path
from newsdesk.testing import make_article, make_section, parse_html


class FeedPathTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("World")
        cls.article = make_article(cls.section, "A story")

    def test_the_addresses(self):
        self.assertEqual(feed_path("site", "", "rss"), "/feed/rss/")
        self.assertEqual(feed_path("section", "world", "atom"), "/world/feed/atom/")
        self.assertEqual(feed_path("tag", "cpec", "json"), "/tags/cpec/feed/json/")

    def test_head_and_api_link_the_feeds_that_answer(self):
        head = parse_html(self.client.get(self.section.url)).xpath('//link[@rel="alternate"]/@href')
        self.assertIn(feed_path("section", "world", "rss"), head)
        api = json.loads(self.client.get("/api/v1/sections/").content)["items"][0]["feeds"]
        self.assertEqual(api["atom"], "http://testserver" + feed_path("section", "world", "atom"))
        for href in [*head, api["atom"]]:
            if "/feed/" in href:
                self.assertEqual(self.client.get(href).status_code, 200, href)
