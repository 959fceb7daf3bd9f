"""An editor writes and publishes an article in the admin; readers then find it wherever new pieces show."""

import secrets
import urllib.request

from django.utils.text import slugify
from lxml import html as lxml_html
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

# Each reader request opens a new connection, so the server's workers all get asked: a stale page cache in
# any one of them shows up here.
READER_REQUESTS_PER_PAGE = 4


def _hero_file(tmp_path):
    # A picture of its own (a gradient no demo image shares), so the upload is never taken for a duplicate.
    seed = secrets.randbelow(200)
    image = Image.linear_gradient("L").resize((1600, 900)).convert("RGB")
    image.paste((seed, 90, 160), (0, 0, 800, 900))
    path = tmp_path / "harbour-at-dusk.jpg"
    image.save(path, quality=85)
    return path


def _slug(page) -> str:
    page.get_by_role("tab", name="Promote").click()
    slug = page.locator("#id_slug").input_value()
    page.get_by_role("tab", name="Content").click()
    return slug


def _give_slug_if_missing(page, headline: str):
    # test_typing_a_headline_fills_in_the_slug holds the admin to doing this itself; here the flow goes on.
    if not _slug(page):
        page.get_by_role("tab", name="Promote").click()
        page.fill("#id_slug", slugify(headline))
        page.get_by_role("tab", name="Content").click()


def _choose_author(page, index: int, name: str):
    page.get_by_role("button", name="Add Bylines").click()
    page.locator(f"#id_bylines-{index}-author-chooser").get_by_role("button", name="Choose author").click()
    page.locator(".modal").get_by_role("link", name=name, exact=True).click()
    page.locator(f"#id_bylines-{index}-author-title").filter(has_text=name).wait_for()


def _upload_hero(page, path, alt_text: str, credit: str):
    page.get_by_role("button", name="Choose an image").click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Upload").click()
    modal.locator("input[type=file]").set_input_files(path)
    modal.locator("[name=image-chooser-upload-title]").fill("Harbour at dusk")
    modal.locator("[name=image-chooser-upload-alt_text]").fill(alt_text)
    modal.locator("[name=image-chooser-upload-credit]").fill(credit)
    modal.get_by_role("button", name="Upload").click()
    modal.wait_for(state="detached")
    assert page.locator("#id_hero_image").input_value(), "the uploaded image was not chosen as the hero"


def _insert_block(page, label: str):
    page.locator("#panel-child-content-body-section button[title='Insert a block']").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def _choose_also_see(page, section_title: str, headline: str):
    page.locator("#panel-child-content-body-section").get_by_role("button", name="Choose a page").click()
    modal = page.locator(".modal")
    modal.locator(f"a.navigate-pages[title=\"Explore subpages of '{section_title}'\"]").click()
    modal.get_by_role("link", name=headline, exact=True).click()
    modal.wait_for(state="detached")


FORM_ERRORS_JS = """
() => [...document.querySelectorAll('.error-message, [data-field-errors]')]
  .filter(el => el.innerText.trim())
  .map(el => {
    const path = [];
    for (let e = el; e; e = e.parentElement) if (e.dataset && e.dataset.contentpath) path.unshift(e.dataset.contentpath);
    return `${path.join('.') || 'form'}: ${el.innerText.trim()}`;
  })
"""


def _form_errors(page) -> list[str]:
    return page.evaluate(FORM_ERRORS_JS)


def _reader_html(desk, path: str):
    with urllib.request.urlopen(desk.url(path), timeout=30) as response:
        assert response.status == 200, f"{path} answered {response.status}"
        return lxml_html.fromstring(response.read())


def test_an_article_published_in_the_admin_reaches_home_section_and_recent(desk, editor_tab, open_tab, tmp_path):
    page = editor_tab
    facts = desk.facts
    section = facts["sections"][0]
    target = next(a for a in facts["articles"] if a.get("section_id") != section["id"])
    target_section = next(s for s in facts["sections"] if s["id"] == target["section_id"])
    first_author, second_author = facts["authors"][0]["name"], facts["authors"][1]["name"]
    headline = f"Harbour cranes stand idle as dock talks resume {secrets.token_hex(3)}"

    page.goto(f"/admin/pages/add/articles/articlepage/{section['id']}/")
    page.fill("#id_title", headline)
    page.locator("#id_title").press("Tab")
    page.fill("#id_standfirst", "Dock workers and port owners meet again after a week without loading ships.")
    _give_slug_if_missing(page, headline)
    page.select_option("#id_kind", "analysis")
    _choose_author(page, 0, first_author)
    _choose_author(page, 1, second_author)
    _upload_hero(page, _hero_file(tmp_path), "Idle cranes over the harbour at dusk", "Desk photographer")

    _insert_block(page, "Paragraph")
    page.locator("#panel-child-content-body-section [contenteditable=true]").last.click()
    page.keyboard.type("Talks between the dock workers' union and the port owners resumed on Tuesday morning.")
    _insert_block(page, "Heading")
    page.locator("[name='body-1-value-text']").fill("What each side wants")
    _insert_block(page, "Quote")
    page.locator("[name='body-2-value-text']").fill("We will stay at the table until the cranes move again.")
    page.locator("[name='body-2-value-attribution']").fill("The union's negotiator")
    _insert_block(page, "Also see")
    _choose_also_see(page, target_section["title"], target["title"])

    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    # The add form's own address also matches /admin/pages/: wait for the section's explorer, where the admin
    # lands once the publish has been saved, so the reader never looks before the article exists.
    try:
        page.wait_for_url(f"**/admin/pages/{section['id']}/", timeout=60_000)
    except PlaywrightTimeoutError:
        raise AssertionError(f"the publish did not finish: {_form_errors(page)}") from None
    expect(page.locator(".messages")).to_contain_text("published")

    # The reader sees it on the home page, clicks through, and finds everything the editor put in.
    home_headlines = [
        " ".join(a.text_content().split()) for a in _reader_html(desk, "/").xpath("//main//h2/a | //main//h3/a")
    ]
    assert headline in home_headlines, (
        f"the home page does not list the new article; it lists {home_headlines}. "
        f"The admin is at {page.url} and says {page.locator('.messages').inner_text()!r}"
    )
    reader = open_tab(1280)
    reader.goto("/")
    reader.page.get_by_role("link", name=headline).first.click()
    reader.page.wait_for_load_state()
    article = reader.page.locator("article.article")
    assert article.locator("h1").inner_text() == headline
    assert article.locator(".byline a[rel=author]").all_inner_texts() == [first_author, second_author]
    assert article.locator("figure.hero img").get_attribute("alt") == "Idle cranes over the harbour at dusk"
    assert reader.page.evaluate("document.querySelector('figure.hero img').naturalWidth") > 0
    assert article.locator("figure.hero .credit").text_content().strip() == "Image: Desk photographer"
    assert article.locator("h2#what-each-side-wants").inner_text() == "What each side wants"
    assert "until the cranes move again" in article.locator("figure.quote blockquote").inner_text()
    also_see = article.locator("aside.also-see a")
    assert also_see.get_attribute("href") == target["url"] and target["title"] in also_see.inner_text()
    article_path = reader.page.url.removeprefix(desk.base_url)
    assert article_path.startswith(section["url"])

    other = next(a for a in facts["articles"] if a["url"] != article_path)
    for path, where in [
        ("/", "//main//a"),
        (section["url"], "//main//article[@class='teaser']//a"),
        (other["url"], "//section[@class='recent']//article[@class='teaser']//a"),
    ]:
        for attempt in range(READER_REQUESTS_PER_PAGE):
            links = {a.get("href") for a in _reader_html(desk, path).xpath(where)}
            assert article_path in links, f"request {attempt + 1} for {path} does not link to {article_path} in {where}"


def test_typing_a_headline_fills_in_the_slug(desk, editor_tab):
    editor_tab.goto(f"/admin/pages/add/articles/articlepage/{desk.facts['sections'][0]['id']}/")
    editor_tab.locator("#id_title").press_sequentially("Port talks resume after a week")
    editor_tab.locator("#id_title").press("Tab")
    editor_tab.get_by_role("tab", name="Promote").click()
    # The admin fills the slug in from a debounced handler: wait for it rather than read once.
    expect(editor_tab.locator("#id_slug")).to_have_value("port-talks-resume-after-a-week", timeout=5000)
