"""Content that bends layouts: words longer than a phone is wide, right-to-left text, an image file gone missing."""

from e2e.checks import fonts_used, horizontal_overflow

PHONE = 360

# Where the first and last line of an RTL paragraph sit, relative to the paragraph's content box.
LINE_EDGES_JS = """
([el, text]) => {
  const node = [...el.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.includes(text.slice(0, 20)));
  const range = document.createRange();
  range.selectNodeContents(node);
  const lines = [...range.getClientRects()].filter(r => r.width > 0);
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  const left = box.left + parseFloat(style.paddingLeft), right = box.right - parseFloat(style.paddingRight);
  const last = lines[lines.length - 1];
  return {lines: lines.length, lastLeftGap: last.left - left, lastRightGap: right - last.right, direction: style.direction};
}
"""


def test_very_long_words_and_urls_do_not_overflow_a_phone_screen(desk, open_tab, artifacts):
    tab = open_tab(PHONE)
    tab.goto(desk.bench["long_words"])
    tab.page.screenshot(path=artifacts / f"long-words-{PHONE}.png", full_page=True)
    assert desk.bench["long_word"] in tab.page.locator("h1").text_content()
    problems = horizontal_overflow(tab.page)
    assert not problems, "\n".join(problems)


def test_an_urdu_paragraph_reads_right_to_left(desk, open_tab, artifacts):
    for width in (PHONE, 1280):
        tab = open_tab(width)
        tab.goto(desk.bench["rtl"])
        urdu = desk.bench["urdu_paragraph"]
        paragraph = tab.page.locator("article.article p", has_text=urdu[:20])
        assert paragraph.count() == 1
        edges = tab.page.evaluate(LINE_EDGES_JS, [paragraph.element_handle(), urdu])
        # Right to left means the paragraph starts at the right: its last, shorter line hugs the right edge.
        assert edges["lines"] >= 2, edges
        assert abs(edges["lastRightGap"]) <= 2 and edges["lastLeftGap"] > 20, f"at {width}px: {edges}"
        tab.page.screenshot(path=artifacts / f"urdu-{width}.png", full_page=True)

    # And it is drawn in letters, not empty boxes: most glyphs come from a font the English text does not use.
    paragraph.evaluate("el => el.setAttribute('data-probe', 'urdu')")
    tab.page.locator("article.article p", has_text="Urdu service report").evaluate(
        "el => el.setAttribute('data-probe', 'english')"
    )
    urdu_fonts = fonts_used(tab.page, "[data-probe=urdu]")
    latin_fonts = set(fonts_used(tab.page, "[data-probe=english]"))
    arabic_script = sum(count for family, count in urdu_fonts.items() if family not in latin_fonts)
    assert arabic_script >= len(urdu.replace(" ", "")) / 2, (
        f"Urdu drawn with {urdu_fonts}; English text uses {latin_fonts}"
    )


def test_a_missing_image_file_shows_its_alt_text_and_keeps_its_space(desk, open_tab, artifacts):
    tab = open_tab(PHONE)
    tab.allow_failed_resource("/media/")
    tab.goto(desk.bench["missing_image"])
    tab.page.screenshot(path=artifacts / f"missing-image-{PHONE}.png", full_page=True)
    image = tab.page.locator("article.article figure.hero img")
    assert image.get_attribute("alt") == desk.bench["missing_image_alt"]
    state = tab.page.evaluate(
        """img => ({loaded: img.complete && img.naturalWidth > 0, display: getComputedStyle(img).display,
                   visibility: getComputedStyle(img).visibility,
                   figure: img.closest('figure').getBoundingClientRect().height})""",
        image.element_handle(),
    )
    assert not state["loaded"], "the image was meant to be missing"
    assert state["display"] != "none" and state["visibility"] == "visible", state
    box = image.bounding_box()
    expected_height = box["width"] * desk.bench["missing_image_ratio"]
    assert box["width"] >= PHONE * 0.8, f"the broken image collapsed sideways: {box}"
    assert abs(box["height"] - expected_height) <= expected_height * 0.1, (
        f"the broken image does not keep its {desk.bench['missing_image_ratio']:.3f} shape: {box}"
    )
    caption = tab.page.locator("article.article figure.hero figcaption")
    assert caption.is_visible() and state["figure"] >= box["height"] + caption.bounding_box()["height"] - 1
    assert not horizontal_overflow(tab.page)
