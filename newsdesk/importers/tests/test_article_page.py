"""Reading one saved news page: the defects found on real pages, each on a page shaped like them."""

from django.test import SimpleTestCase

from newsdesk.importers.read import markup
from newsdesk.importers.read.article_page import clean_headline, extract_article

STORY = [
    "The regional water board approved a new reservoir on Thursday after three years of consultation with "
    "farmers, anglers and the villages that will lose part of their common land to the scheme.",
    "Construction is expected to start next spring and to take four years, with the dam built first and the "
    "valley flooded slowly over two winters so that wildlife has time to move to higher ground.",
    "Opponents said they would study the decision before deciding whether to challenge it in court, arguing "
    "that the board had underestimated how much water leaks from its existing pipes every day.",
    "The board said it would publish the full engineering report next month and hold public meetings in each "
    "of the affected villages before any trees are felled or any roads are closed.",
]
FURNITURE = (
    '<div class="widget widget_recent_entries"><h2>Recent posts</h2><ul><li><a href="/a">Another story about '
    'the harbour and its dredging plans</a></li><li><a href="/b">Council elections set for May</a></li></ul></div>'
)


def paragraphs(texts=STORY) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def page(body: str, head: str = "<title>Reservoir approved</title>") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def body_text(record) -> str:
    return markup.blocks_text(record.body)


class FurnitureNeverTakesTheArticleTests(SimpleTestCase):
    def test_wrappers_whose_classes_contain_sidebar_widget_or_ad_words_are_kept(self):
        body = (
            '<div class="l-sidebar-fixed"><div class="has-sidebar"><div class="non-ad-column">'
            '<div class="elementor-widget elementor-widget-theme-post-content"><h1>Reservoir approved</h1>'
            f"{paragraphs()}</div></div></div></div><aside>{FURNITURE}</aside>"
        )
        text = body_text(extract_article(page(body)))
        for paragraph in STORY:
            self.assertIn(paragraph, text)
        self.assertNotIn("Council elections", text)

    def test_a_page_wide_form_does_not_take_the_article_with_it(self):
        body = (
            '<form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="x">'
            f'<h1>Reservoir approved</h1><div class="article-body">{paragraphs()}</div>{FURNITURE}</form>'
        )
        text = body_text(extract_article(page(body)))
        self.assertEqual(text.splitlines(), STORY)

    def test_furniture_inside_the_article_still_goes(self):
        body = f'<div class="entry-content">{paragraphs(STORY[:2])}<div class="sharedaddy">Share this: Facebook X</div>{paragraphs(STORY[2:])}</div>'
        self.assertEqual(body_text(extract_article(page(body))).splitlines(), STORY)


class ContainerTests(SimpleTestCase):
    def test_text_placed_directly_in_the_container_is_kept_one_paragraph_per_blank_line(self):
        body = f'<h1>Reservoir approved</h1><div class="entry-content">{STORY[0]}<br><br>\n{STORY[1]}<br><br>{paragraphs(STORY[2:])}</div>'
        self.assertEqual(body_text(extract_article(page(body))).splitlines(), STORY)

    def test_a_small_teaser_that_comes_first_is_not_taken_for_the_article(self):
        teaser = '<div class="post-content"><p><a href="/other">Fishermen count the cost of a short season on the coast…</a></p></div>'
        body = f'<div class="top-story">{teaser}</div><h1>Reservoir approved</h1><div class="post-content">{paragraphs()}</div>'
        text = body_text(extract_article(page(body)))
        self.assertEqual(text.splitlines(), STORY)

    def test_when_our_conversion_misses_the_text_trafilaturas_main_text_is_the_floor(self):
        # A container whose text sits in a <form>: the block conversion drops forms.
        body = f'<h1>Reservoir approved</h1><div class="entry-content"><form action="/vote">{paragraphs()}</form></div>'
        text = body_text(extract_article(page(body)))
        for paragraph in STORY:
            self.assertIn(paragraph, text)

    def test_a_page_without_article_text_gives_an_empty_body(self):
        record = extract_article(
            page("<h1>Gallery: the reservoir site</h1><div class='gallery'><img src='a.jpg'></div>")
        )
        self.assertEqual(body_text(record), "")


class HeadlineTests(SimpleTestCase):
    def test_entities_are_decoded_and_the_site_name_is_cut(self):
        head = (
            '<title>Council&#8217;s plan &amp; the harbour | The Herald</title><meta property="og:site_name" content="The Herald">'
            '<meta property="og:title" content="Council&amp;#8217;s plan &amp;amp; the harbour | The Herald">'
        )
        record = extract_article(page(f"<h1>Council’s plan &amp; the harbour</h1>{paragraphs()}", head))
        self.assertEqual(record.headline, "Council\u2019s plan & the harbour")

    def test_json_ld_headlines_lose_entities_and_the_publishers_name(self):
        head = (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rates &amp; rents \\u2014 Daily Post",'
            ' "publisher": {"@type": "Organization", "name": "Daily Post"}}</script>'
        )
        self.assertEqual(extract_article(page(paragraphs(), head)).headline, "Rates & rents")

    def test_the_title_tail_is_cut_only_when_the_h1_shows_the_headline_without_it(self):
        self.assertEqual(
            extract_article(
                page(f"<h1>Reservoir approved</h1>{paragraphs()}", "<title>Reservoir approved - Valley News</title>")
            ).headline,
            "Reservoir approved",
        )
        self.assertEqual(clean_headline("Budget 2025 - what changes", []), "Budget 2025 - what changes")

    def test_a_site_name_in_front_is_cut_too(self):
        self.assertEqual(clean_headline("The Herald | Reservoir approved", ["The Herald"]), "Reservoir approved")


class CharsetTests(SimpleTestCase):
    def test_a_russian_page_in_windows_1251_without_a_declaration_reads_correctly(self):
        text = "Трамваи на центральных линиях будут ходить чаще, а ночные автобусы появятся на окраинах города. "
        html = (
            "<html><head><title>Новое расписание</title></head><body><h1>Новое расписание</h1>"
            f'<p class="byline">Автор: <a rel="author" href="/a">Анна Соколова</a></p>'
            f'<div class="entry-content"><p>{text * 3}</p><p>{text * 2}</p></div></body></html>'
        )
        record = extract_article(html.encode("cp1251"))
        self.assertEqual(record.headline, "Новое расписание")
        self.assertEqual(record.bylines, ["Анна Соколова"])
        self.assertIn(text.strip(), body_text(record))
