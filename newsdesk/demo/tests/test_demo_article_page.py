"""The demo's long report, rendered, checked row by row against the reference page (PAGE.md rows 1–10)."""

from datetime import datetime, timedelta

import lxml.html
from django.test import Client, TestCase

from newsdesk.articles.models import ArticlePage
from newsdesk.demo import content
from newsdesk.demo.loader import load_demo
from newsdesk.people.models import Author

LEAD = content.LEAD


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def text(element) -> str:
    return " ".join(element.text_content().split())


class DemoLeadArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo(base_url="http://testserver")
        cls.article = ArticlePage.objects.get(slug=LEAD["slug"])
        # Rendered once here: the renditions it makes live next to the originals in this class's media folder.
        response = Client().get(cls.article.url)
        cls.status = response.status_code
        cls.html = response.content

    def setUp(self):
        self.doc = lxml.html.fromstring(self.html)
        self.main = self.doc.xpath("//article[{}]".format(has_class("article")))[0]

    def one(self, xpath: str, root=None):
        found = (root if root is not None else self.main).xpath(xpath)
        self.assertEqual(len(found), 1, f"expected one {xpath}, found {len(found)}")
        return found[0]

    # Row 1: headline, SEO title, slug
    def test_row1_the_headline_is_the_one_h1_in_the_article_header(self):
        self.assertEqual(self.status, 200)
        self.assertEqual(len(self.doc.xpath("//h1")), 1)
        h1 = self.one(".//header[{}]/h1".format(has_class("article-header")))
        self.assertEqual(text(h1), LEAD["title"])
        self.assertIn(LEAD["seo_title"], self.doc.findtext(".//title"))
        self.assertEqual(self.article.url, f"/global-affairs/{LEAD['slug']}/")

    # Row 2: hero image, caption and agency credit kept on the image
    def test_row2_the_hero_figure_has_a_responsive_image_caption_and_agency_credit(self):
        figure = self.one(".//figure[{}]".format(has_class("hero")))
        img = self.one(".//img", figure)
        for attribute in ("width", "height", "srcset", "alt"):
            self.assertTrue(img.get(attribute), attribute)
        self.assertEqual(img.get("alt"), content.IMAGES["lead-beijing"]["alt"])
        caption = self.one(".//figcaption", figure)
        self.assertIn(LEAD["hero_caption"], text(caption))
        self.assertEqual(text(self.one(".//span[{}]".format(has_class("credit")), caption)), "Image: Continental Wire")

    # Row 3: standfirst and machine-readable publish and update times
    def test_row3_standfirst_and_published_and_updated_times_with_offsets(self):
        self.assertEqual(text(self.one(".//p[{}]".format(has_class("standfirst")))), LEAD["standfirst"])
        published = datetime.fromisoformat(self.one(".//time[{}]".format(has_class("published"))).get("datetime"))
        updated = datetime.fromisoformat(self.one(".//time[{}]".format(has_class("updated"))).get("datetime"))
        self.assertIsNotNone(published.utcoffset())
        self.assertIsNotNone(updated.utcoffset())
        self.assertLess(abs(published - self.article.first_published_at), timedelta(seconds=1))
        self.assertLess(abs(updated - self.article.updated_at), timedelta(seconds=1))
        corrections = self.one(".//section[{}]".format(has_class("corrections")))
        self.assertTrue(corrections.xpath(".//time[@datetime]"))

    # Row 4: eight sub-headed sections with anchors, and a table of contents
    def test_row4_eight_anchored_section_headings_listed_in_a_table_of_contents(self):
        toc_links = self.doc.xpath("//nav[{}]//a".format(has_class("toc")))
        self.assertGreaterEqual(len(toc_links), 8)
        headings = []
        for link in toc_links:
            target = self.one(f".//*[@id='{link.get('href').removeprefix('#')}']")
            self.assertEqual(target.tag, "h2")
            self.assertEqual(text(target), text(link))
            headings.append(text(target))
        written = [b["value"]["text"] for b in LEAD["body"] if b["type"] == "heading"]
        self.assertEqual(headings, written)

    # Row 5: quotes with attribution and a source link; a pull quote
    def test_row5_quotes_carry_attribution_and_a_source_link(self):
        quotes = self.main.xpath(".//figure[{}][blockquote]".format(has_class("quote")))
        self.assertGreaterEqual(len(quotes), 2)
        for figure in quotes:
            self.assertTrue(text(self.one("./figcaption", figure)))
        sourced = [f for f in quotes if f.xpath("./figcaption/a[@href='https://www.fmprc.gov.cn/eng/']")]
        self.assertEqual(len(sourced), 1)
        self.one(".//aside[{}]".format(has_class("pull-quote")))

    # Row 6: Also See pointing at a live article
    def test_row6_also_see_links_to_the_live_related_article(self):
        aside = self.one(".//aside[{}]".format(has_class("also-see")))
        link = self.one(".//a", aside)
        target = ArticlePage.objects.get(slug="pakistan-china-ml1-karakoram-financing")
        self.assertTrue(target.live)
        self.assertEqual(link.get("href"), target.url)
        self.assertIn(target.title, text(link))

    # Row 7: bylines for a desk and a person, with author boxes and bios
    def test_row7_bylines_link_to_profiles_in_order_with_an_author_box_each(self):
        byline = self.one(".//p[{}]".format(has_class("byline")))
        hrefs = [a.get("href") for a in byline.xpath(".//a[@rel='author']")]
        self.assertEqual(hrefs, [f"/authors/{slug}/" for slug in LEAD["authors"]])
        boxes = self.doc.xpath("//section[{}]".format(has_class("author-box")))
        self.assertEqual(len(boxes), len(LEAD["authors"]))
        for box, slug in zip(boxes, LEAD["authors"], strict=True):
            author = Author.objects.get(slug=slug)
            self.assertTrue(box.xpath(f".//a[@href='/authors/{slug}/']"))
            self.assertIn(author.bio, text(box))
            self.assertIn(author.role, text(box))

    # Row 8: five recent pieces with thumbnail, title, teaser and "Read more", never the current article
    def test_row8_recent_lists_five_other_articles_as_teasers(self):
        recent = self.one("//section[{}]".format(has_class("recent")))
        self.assertEqual(text(self.one("./h2", recent)), "Recent")
        teasers = recent.xpath(".//article[{}]".format(has_class("teaser")))
        self.assertEqual(len(teasers), 5)
        for teaser in teasers:
            self.assertTrue(teaser.xpath(".//img[@alt]"))
            title_link = self.one(".//h3/a", teaser)
            self.assertNotEqual(title_link.get("href"), self.article.url)
            teaser_text = self.one(".//p[not(@class)]", teaser)
            self.assertGreaterEqual(text(teaser_text).count(". "), 1, "a teaser is two to four sentences")
            read_more = self.one(".//a[{}]".format(has_class("read-more")), teaser)
            self.assertTrue(text(read_more).startswith("Read more"))
            self.assertEqual(read_more.get("href"), title_link.get("href"))

    # Row 9: the desk's beats are sections with their own pages
    def test_row9_breadcrumbs_lead_to_the_section_named_in_the_desk_bio(self):
        crumbs = self.one("//nav[{}][@aria-label='Breadcrumb']".format(has_class("breadcrumbs")))
        self.assertEqual([a.get("href") for a in crumbs.xpath(".//a")][-1], "/global-affairs/")
        desk_bio = Author.objects.get(slug="news-desk").bio.lower()
        for section in content.SECTIONS:
            self.assertIn(section["title"].lower(), desk_bio)
            self.assertEqual(Client().get(f"/{section['slug']}/").status_code, 200)

    # Row 10: the kind is shown to readers
    def test_row10_the_kind_label_says_news(self):
        self.assertEqual(text(self.one(".//p[{}]".format(has_class("kind")))), "News")

    def test_it_lists_the_tags_as_links_to_tag_pages(self):
        tags = self.one(".//ul[{}]".format(has_class("tags")))
        hrefs = {a.get("href") for a in tags.xpath(".//a[@rel='tag']")}
        self.assertIn("/tags/cpec/", hrefs)
        self.assertIn("/tags/gwadar/", hrefs)
