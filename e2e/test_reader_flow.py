"""A reader walks the desk the way people do, on a phone, a tablet and a desktop screen."""

import pytest
from lxml import html as lxml_html

from e2e.checks import WIDTHS, horizontal_overflow, text_smaller_than

READING_TEXT_PX = 16
# What a reader reads as running text: headline, standfirst, body, quotes, fact boxes, corrections, author bios.
READING_TEXT = ", ".join(
    f"article.article {part}"
    for part in (
        "h1",
        ".standfirst",
        ".article-body > p",
        ".article-body li",
        "blockquote p",
        ".pull-quote p",
        ".fact-box p",
        ".fact-box li",
        ".corrections li",
        ".corrections p",
        ".author-box .bio",
    )
)
# Labels inside them (a dateline, a fact box's title) and everything else (captions, credits, kickers, dates,
# tags, crumbs, contents) may be smaller, but still legible.
LABELS = "figcaption, .dateline, .fact-box-title"
SMALL_PRINT_PX = 12

ARTICLE_LINKS = {
    "Also See": "article.article aside.also-see a",
    "Recent": "section.recent article.teaser a",
    "bylines": "article.article .byline a[rel=author]",
    "tags": "article.article ul.tags a[rel=tag]",
    "breadcrumbs": "nav.breadcrumbs a",
}


def _follow(tab, locator):
    with tab.page.expect_navigation() as navigation:
        locator.click()
    response = navigation.value
    assert response is not None and response.status == 200, f"{tab.page.url} answered {response and response.status}"
    return tab.page.url.removeprefix(tab.page.url.split("/", 3)[0] + "//" + tab.page.url.split("/", 3)[2])


def _h1(tab) -> str:
    return tab.page.locator("main h1").first.text_content().strip()


def test_a_reader_goes_home_section_article_author_tag_and_back(desk, open_tab):
    tab = open_tab(1280)
    facts = desk.facts
    article_path = facts["long_article"]
    section = next(s for s in facts["sections"] if article_path.startswith(s["url"]))
    tab.goto("/")

    section_path = _follow(tab, tab.page.locator(".site-nav").get_by_role("link", name=section["title"], exact=True))
    assert section_path == section["url"] and _h1(tab) == section["title"]

    teaser = tab.page.locator(f"main article.teaser :is(h2, h3) a[href='{article_path}']").first
    headline = teaser.text_content().strip()
    assert _follow(tab, teaser) == article_path and _h1(tab) == headline

    byline = tab.page.locator("article.article .byline a[rel=author]").first
    author = byline.text_content().strip()
    author_path = _follow(tab, byline)
    assert author_path.startswith("/authors/") and _h1(tab) == author
    assert tab.page.locator(f"main article.teaser a[href='{article_path}']").count(), (
        "the author page lists the article"
    )

    tab.page.go_back()
    assert tab.page.url.endswith(article_path)
    tag = tab.page.locator("article.article ul.tags a[rel=tag]").first
    tag_name = tag.text_content().strip()
    tag_path = _follow(tab, tag)
    assert tag_path.startswith("/tags/") and tag_name.lower() in _h1(tab).lower()
    assert tab.page.locator(f"main article.teaser a[href='{article_path}']").count(), "the tag page lists the article"

    for expected in (article_path, section_path, "/"):
        tab.page.go_back()
        assert tab.page.url.removeprefix(desk.base_url) == expected
        assert tab.page.locator("main h1").count() == 1


def test_every_link_on_the_article_page_leads_to_a_live_page(desk, open_tab):
    tab = open_tab(1280)
    tab.goto(desk.facts["long_article"])
    dead = []
    for group, selector in ARTICLE_LINKS.items():
        hrefs = {
            href for href in tab.page.locator(selector).evaluate_all("links => links.map(a => a.getAttribute('href'))")
        }
        assert hrefs, f"the article page has no {group} links ({selector})"
        for href in sorted(hrefs):
            response = tab.context.request.get(desk.url(href) if href.startswith("/") else href)
            if response.status != 200:
                dead.append(f"{group}: {href} answered {response.status}")
                continue
            if len(lxml_html.fromstring(response.body()).xpath("//main//h1")) != 1:
                dead.append(f"{group}: {href} has no single <h1> in <main>")
    assert not dead, "\n".join(dead)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_article_page_fits_the_screen_with_its_hero_credit_and_readable_text(desk, open_tab, artifacts, width):
    tab = open_tab(width)
    tab.goto(desk.facts["long_article"])
    page = tab.page
    page.screenshot(path=artifacts / f"article-{width}.png", full_page=True)

    assert not horizontal_overflow(page), "\n".join(horizontal_overflow(page))

    hero = page.locator("article.article figure.hero img")
    hero.scroll_into_view_if_needed()
    assert hero.is_visible(), "the hero image is not visible"
    box = hero.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"the hero image sticks out: {box}"
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", hero.element_handle()), (
        "the hero image did not load"
    )
    credit = page.locator("article.article figure.hero .credit")
    assert credit.is_visible() and credit.text_content().strip(), "the hero's credit is not visible"

    assert page.locator(READING_TEXT).count() >= 3, f"no running text found with {READING_TEXT}"
    reading = text_smaller_than(page, READING_TEXT, READING_TEXT_PX, exclude=LABELS)
    assert not reading, f"reading text under {READING_TEXT_PX}px at {width}px:\n" + "\n".join(reading)
    small = text_smaller_than(page, "main *", SMALL_PRINT_PX)
    assert not small, f"text under {SMALL_PRINT_PX}px at {width}px:\n" + "\n".join(small)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_page_fits_the_screen(desk, open_tab, artifacts, width):
    tab = open_tab(width)
    tab.goto("/")
    tab.page.screenshot(path=artifacts / f"home-{width}.png", full_page=True)
    assert not horizontal_overflow(tab.page), "\n".join(horizontal_overflow(tab.page))
