import re

from django.test import TestCase

from newsdesk.articles.models import ArticleCorrection
from newsdesk.people.models import AuthorLink
from newsdesk.testing import (
    make_article,
    make_author,
    make_image,
    make_section,
    minutes_ago,
    parse_html,
    rich_body,
    text_of,
)

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


class ArticlePageTests(TestCase):
    """The article page carries every part of the reference page (PAGE.md rows 1-10)."""

    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Global Affairs")
        cls.desk = make_author("News Desk", kind="desk", role="The desk", bio="Your source for global affairs.")
        cls.reporter = make_author(
            "Amina Qureshi", role="Diplomatic correspondent", photo=make_image("Portrait", width=300, height=300)
        )
        AuthorLink.objects.create(author=cls.reporter, label="Website", url="https://example.org/amina")
        cls.others = [
            make_article(
                cls.section,
                f"Earlier piece {n}",
                authors=[cls.desk],
                kind="analysis",
                teaser=f"Teaser {n}.",
                hero_image=make_image(f"Thumb {n}"),
                published_at=minutes_ago(200 + n),
            )
            for n in range(6)
        ]
        cls.target = cls.others[0]
        cls.hero = make_image(
            "Hero", credit="Reuters", alt_text="Two leaders shake hands", default_caption="The leaders met in Beijing."
        )
        cls.article = make_article(
            cls.section,
            "Zardari in Beijing",
            authors=[cls.desk, cls.reporter],
            tags=["CPEC", "China"],
            hero_image=cls.hero,
            dateline="BEIJING",
            body=rich_body(
                images=[make_image("Body", credit="AFP", default_caption="The port at Gwadar.")], also_see=[cls.target]
            ),
            published_at=minutes_ago(60),
        )
        ArticleCorrection.objects.create(article=cls.article, note="Older note.", published_at=minutes_ago(30))
        ArticleCorrection.objects.create(article=cls.article, note="Newer note.", published_at=minutes_ago(10))
        # Generating renditions is the slow part of a first view; do it once for the whole class.
        cls.client_class().get(cls.article.url)

    def get_tree(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        return parse_html(response)

    def header(self, tree):
        (header,) = tree.xpath('//article[@class="article"]/header[@class="article-header"]')
        return header

    def test_it_shows_the_headline_as_the_only_h1_with_kind_and_standfirst(self):
        header = self.header(self.get_tree())
        self.assertEqual([text_of(h) for h in header.getroottree().xpath("//h1")], ["Zardari in Beijing"])
        self.assertEqual(text_of(header.xpath('./p[@class="kind"]')[0]), "News")
        self.assertEqual(text_of(header.xpath('./p[@class="standfirst"]')[0]), self.article.standfirst)

    def test_it_links_every_byline_to_its_profile_in_order(self):
        links = self.header(self.get_tree()).xpath('.//p[@class="byline"]/a[@rel="author"]')
        self.assertEqual(
            [(a.get("href"), text_of(a)) for a in links],
            [("/authors/news-desk/", "News Desk"), ("/authors/amina-qureshi/", "Amina Qureshi")],
        )

    def test_it_gives_machine_readable_published_and_updated_times(self):
        header = self.header(self.get_tree())
        published = header.xpath('.//time[@class="published"]')[0].get("datetime")
        updated = header.xpath('.//time[@class="updated"]')[0].get("datetime")
        self.assertRegex(published, ISO_WITH_OFFSET)
        self.assertRegex(updated, ISO_WITH_OFFSET)
        self.assertGreater(updated, published)

    def test_it_shows_the_hero_with_responsive_webp_sources_caption_and_credit(self):
        (figure,) = self.get_tree().xpath('//figure[@class="hero"]')
        (img,) = figure.xpath(".//img")
        for attribute in ("width", "height", "srcset", "sizes"):
            self.assertTrue(img.get(attribute), attribute)
        self.assertEqual(img.get("alt"), "Two leaders shake hands")
        self.assertEqual((img.get("loading"), img.get("fetchpriority")), ("eager", "high"))
        self.assertIn(".webp", figure.xpath('.//source[@type="image/webp"]')[0].get("srcset"))
        caption = figure.xpath("./figcaption")[0]
        self.assertIn("The leaders met in Beijing.", text_of(caption))
        self.assertEqual(text_of(caption.xpath('./span[@class="credit"]')[0]), "Image: Reuters")

    def test_it_lists_the_headings_in_a_table_of_contents_that_links_to_them(self):
        tree = self.get_tree()
        hrefs = [a.get("href") for a in tree.xpath('//nav[@class="toc"]//a')]
        self.assertEqual(hrefs, ["#the-visit", "#the-corridor", "#what-was-signed", "#detail"])
        for href in hrefs:
            self.assertEqual(len(tree.xpath(f'//*[@id="{href[1:]}"]')), 1, href)
        self.assertEqual(text_of(tree.xpath('//h3[@id="detail"]')[0]), "A detail")

    def test_it_renders_every_body_block(self):
        body = self.get_tree().xpath('//div[@class="article-body"]')[0]
        quote = body.xpath('.//figure[@class="quote"]')[0]
        self.assertEqual(text_of(quote.xpath("./blockquote")[0]), "An iron-clad friendship.")
        self.assertEqual(quote.xpath("./figcaption/a")[0].get("href"), "https://example.org/statement")
        self.assertIn("Five new corridors.", text_of(body.xpath('.//aside[@class="pull-quote"]')[0]))
        self.assertIn("Visit ran 4 to 8 February", text_of(body.xpath('.//aside[@class="fact-box"]')[0]))
        self.assertEqual([text_of(th) for th in body.xpath('.//figure[@class="table"]//th')], ["Area", "Count"])
        image = body.xpath('.//figure[@class="body-image"]')[0]
        self.assertEqual(image.xpath(".//img")[0].get("loading"), "lazy")
        self.assertEqual(text_of(image.xpath("./figcaption")[0]), "The port at Gwadar. Image: AFP")
        self.assertEqual(text_of(body.xpath('./p[@class="dateline"]')[0]), "BEIJING")
        self.assertIn(
            "https://example.org/video/1", [a.get("href") for a in body.xpath('.//figure[@class="embed"]//a')]
        )

    def test_it_lets_right_to_left_paragraphs_find_their_direction(self):
        body = self.get_tree().xpath('//div[@class="article-body"]')[0]
        urdu = [p for p in body.xpath(".//p") if "بیجنگ" in text_of(p)][0]
        self.assertEqual(urdu.get("dir"), "auto")

    def test_it_links_to_the_also_see_target_with_its_kind(self):
        (aside,) = self.get_tree().xpath('//aside[@class="also-see"]')
        (link,) = aside.xpath(".//a")
        self.assertEqual(link.get("href"), self.target.url)
        self.assertEqual(text_of(link), "Analysis Earlier piece 0")

    def test_it_links_tags_and_breadcrumbs(self):
        tree = self.get_tree()
        tags = tree.xpath('//ul[@class="tags"]//a[@rel="tag"]')
        self.assertEqual(sorted(a.get("href") for a in tags), ["/tags/china/", "/tags/cpec/"])
        crumbs = tree.xpath('//nav[@class="breadcrumbs"][@aria-label="Breadcrumb"]//a')
        self.assertEqual(
            [(text_of(a), a.get("href")) for a in crumbs], [("Home", "/"), ("Global Affairs", "/global-affairs/")]
        )

    def test_it_shows_an_author_box_per_byline_with_bio_role_photo_and_links(self):
        boxes = self.get_tree().xpath('//section[@class="author-box"]')
        self.assertEqual([text_of(b.xpath(".//h2/a")[0]) for b in boxes], ["News Desk", "Amina Qureshi"])
        desk, reporter = boxes
        self.assertIn("Your source for global affairs.", text_of(desk))
        self.assertEqual(reporter.xpath(".//h2/a")[0].get("href"), "/authors/amina-qureshi/")
        self.assertIn("Diplomatic correspondent", text_of(reporter))
        self.assertEqual(len(reporter.xpath(".//img")), 1)
        self.assertEqual(reporter.xpath('.//ul[@class="author-links"]//a')[0].get("href"), "https://example.org/amina")

    def test_it_lists_corrections_newest_first_with_dates(self):
        (section,) = self.get_tree().xpath('//section[@class="corrections"]')
        items = section.xpath(".//li")
        self.assertEqual([text_of(li).split(": ", 1)[1] for li in items], ["Newer note.", "Older note."])
        for li in items:
            self.assertRegex(li.xpath("./time")[0].get("datetime"), ISO_WITH_OFFSET)

    def test_it_lists_five_recent_pieces_never_the_current_one(self):
        (recent,) = self.get_tree().xpath('//section[@class="recent"]')
        self.assertEqual(text_of(recent.xpath("./h2")[0]), "Recent")
        teasers = recent.xpath('.//article[@class="teaser"]')
        self.assertEqual(len(teasers), 5)
        hrefs = [t.xpath(".//h3/a")[0].get("href") for t in teasers]
        self.assertNotIn(self.article.url, hrefs)
        self.assertEqual(hrefs, [a.url for a in self.others[:5]])
        first = teasers[0]
        self.assertEqual(len(first.xpath(".//img[@srcset]")), 1)
        self.assertEqual(text_of(first.xpath('.//div[@class="teaser-text"]/p[not(@class)]')[0]), "Teaser 0.")
        self.assertTrue(text_of(first.xpath('.//a[@class="read-more"]')[0]).startswith("Read more"))

    def test_it_hides_the_also_see_card_when_the_target_is_unpublished(self):
        self.target.unpublish()
        tree = self.get_tree()
        self.assertEqual(tree.xpath('//aside[@class="also-see"]'), [])
        self.assertNotIn(self.target.url, [a.get("href") for a in tree.xpath("//a")])

    def test_it_hides_the_also_see_card_when_the_target_is_deleted(self):
        self.target.delete()
        self.assertEqual(self.get_tree().xpath('//aside[@class="also-see"]'), [])

    def test_it_sends_the_same_cacheable_page_to_every_reader(self):
        first = self.client.get(self.article.url)
        second = self.client.get(self.article.url)
        self.assertEqual(first.content, second.content)
        self.assertNotIn("csrfmiddlewaretoken", first.content.decode())
        self.assertEqual(list(first.cookies), [])
