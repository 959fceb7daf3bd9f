from django.test import TestCase

from newsdesk.testing import home_page, make_article, make_image, make_section, minutes_ago, parse_html, text_of


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = make_section("Global Affairs")
        cls.business = make_section("Business")
        cls.featured = make_article(
            cls.world,
            "Featured analysis",
            is_featured=True,
            published_at=minutes_ago(90),
            hero_image=make_image("Lead"),
        )
        cls.newest = make_article(cls.business, "Newest report", published_at=minutes_ago(5))
        cls.older = make_article(cls.world, "Older report", published_at=minutes_ago(60))

    def lead_title(self):
        tree = parse_html(self.client.get("/"))
        return text_of(tree.xpath('//article[@class="lead-story"]//h2/a')[0])

    def test_it_leads_with_the_newest_featured_piece(self):
        self.assertEqual(self.lead_title(), "Featured analysis")

    def test_it_leads_with_the_pinned_article_when_there_is_one(self):
        home = home_page()
        home.lead_article = self.older
        home.save_revision().publish()
        self.assertEqual(self.lead_title(), "Older report")

    def test_it_leads_with_the_newest_piece_when_nothing_is_featured(self):
        self.featured.is_featured = False
        self.featured.save_revision().publish()
        self.assertEqual(self.lead_title(), "Newest report")

    def test_it_shows_the_latest_of_each_section_without_repeating_the_lead(self):
        tree = parse_html(self.client.get("/"))
        sections = {
            text_of(s.xpath("./h2")[0]): [text_of(a) for a in s.xpath('.//article[@class="teaser"]//h3/a')]
            for s in tree.xpath('//section[@class="section-latest"]')
        }
        self.assertEqual(sections, {"Global Affairs": ["Older report"], "Business": ["Newest report"]})
        lead_image = tree.xpath('//article[@class="lead-story"]//img')[0]
        self.assertEqual((lead_image.get("loading"), lead_image.get("fetchpriority")), ("eager", "high"))
