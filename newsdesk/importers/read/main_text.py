"""The article's body on a saved news page, as body blocks. No database.

trafilatura's main-text extraction of the whole page is the reference and the floor:
- furniture (navigation, share bars, widgets, Related lists, comments, forms) is removed only where
  it holds none of the reference text, so a wrapper whose class merely contains "sidebar", "widget"
  or "form", or a page-wide `<form>`, never takes the article with it;
- of the containers a page marks as its article (articleBody, entry-content, `<article>`…), the one
  that holds the reference text most tightly is used, not the first: a teaser comes first on many pages;
- when what we read from that container misses a marked part of the reference text, the reference
  (converted into body blocks) is used instead, so the body is never worse than the extractor's.
"""

import re
from collections import Counter

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from newsdesk.importers.read import markup

_FURNITURE_TAGS = [
    "nav",
    "footer[not(ancestor::blockquote)]",
    "aside",
    "form",
    "script",
    "style",
    "noscript",
    "template",
    "iframe[@src='']",
    "amp-sidebar",
    "amp-social-share",
    "button",
    "svg",
]
_FURNITURE_WORDS = re.compile(
    r"(^|[\s_-])(recent|related|relatedposts|most-read|popular|trending|author-box|author-bio|author-info|about-author|"
    r"share|sharing|sharedaddy|social|newsletter|subscribe|comments?|comment-list|sidebar|widget|breadcrumbs?|"
    r"menu|navigation|nav-links|post-navigation|advert|ads?|promo|tags-links|cat-links|entry-footer|site-header|"
    r"site-footer|masthead|colophon|topbar|skip-link|read-next|more-from|recommended|also-read)($|[\s_-])",
    re.IGNORECASE,
)
_FURNITURE_HEADINGS = {"recent", "recent posts", "related", "related stories", "most read", "share this:"}
_CONTAINERS = (
    "//*[@itemprop='articleBody']"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]"
    " | //*[contains(@class, 'article-body') or contains(@class, 'article__body') or contains(@class, 'post-content')"
    " or contains(@class, 'story-body') or contains(@class, 'amp-article-body') or contains(@class, 'article-content')"
    " or contains(@class, 'post-body') or contains(@class, 'gh-content') or contains(@class, 'field--name-body')"
    " or contains(@class, 'story-content') or contains(@class, 'amp-wp-article-content')]"
)
_BROAD_CONTAINERS = "//article | //main | //*[@role='main']"
# The share of the reference text a container must hold to be used (a teaser holds a sliver of it), and
# the share our conversion must keep before the reference itself replaces it.
CONTAINER_COVERAGE = 0.8
FLOOR_COVERAGE = 0.9
MARKEDLY_LESS = 0.8  # fewer words than this share of the reference's, wherever they are: the reference wins
_LINE_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td"}
_PROTECTING_RUN = 20  # characters of reference text that mark an element as part of the article


def words(text: str) -> list[str]:
    """The word tokens text is compared on (Unicode-aware, lower case)."""
    return re.findall(r"\w+", text.lower())


def article_blocks(tree, text: str, metadata_text: str = "") -> list[dict]:
    """Body blocks for the page `tree` parsed from `text`; the tree is left as it was.

    `metadata_text`: headline, standfirst, bylines. trafilatura often takes them (and captions) into
    the main text; they are not the body we must match.
    """
    reference_html = _extract(text)
    reference = markup.convert(reference_html).blocks
    captions = " ".join(" ".join(el.text_content().split()) for el in tree.xpath("//figcaption"))
    reference_words = Counter(words(markup.blocks_text(reference))) - Counter(words(f"{metadata_text} {captions}"))
    page = lxml_html.fromstring(etree.tostring(tree))
    remove_furniture(page, " ".join(markup.blocks_text(reference).split()), _lines(reference_html))
    container = best_container(page, reference_words)
    if container is None:
        ours = markup.convert(_extract(etree.tostring(page, encoding="unicode"), favor_precision=True)).blocks
        expected = reference_words
    else:
        ours = markup.convert(markup.inner_html(container)).blocks
        # What the reference holds from inside the container is what our conversion must keep; the
        # rest is what the extractor took from around the article (a teaser, a caption, a byline).
        expected = reference_words & Counter(words(container.text_content()))
    found = Counter(words(markup.blocks_text(ours)))
    if coverage(found, expected) < FLOOR_COVERAGE or found.total() < MARKEDLY_LESS * reference_words.total():
        return reference
    return ours or reference


def _lines(extracted: str) -> set[str]:
    """The text of each paragraph, heading, list item and quote trafilatura kept."""
    if not extracted:
        return set()
    root = lxml_html.fromstring(extracted)
    lines = {" ".join(el.text_content().split()) for el in root.iter(*_LINE_TAGS)}
    return lines - {""}


def _extract(text: str, favor_precision=False) -> str:
    # Headings, lists, quotes and tables come out of the HTML output anyway; asking for inline
    # formatting or links changes which paragraphs trafilatura keeps (link-heavy "Related" boxes).
    extracted = trafilatura.extract(
        text,
        output_format="html",
        include_images=True,
        include_tables=True,
        include_comments=False,
        favor_precision=favor_precision,
    )
    return extracted or ""


def coverage(found: Counter, reference: Counter) -> float:
    """The share of the reference's words that `found` holds too."""
    total = reference.total()
    return (found & reference).total() / total if total else 1.0


def best_container(tree, reference_words: Counter):
    """The marked article container that holds the reference text most tightly, or None.

    Every candidate holding nearly as much of the reference as the best one does is acceptable; the
    smallest of those wins (an `<article>` also holds the headline, byline and captions). Without a
    reference, the candidate with the most text.
    """
    specific = tree.xpath(_CONTAINERS)
    candidates = specific + [el for el in tree.xpath(_BROAD_CONTAINERS) if el not in specific]
    if not candidates:
        return None
    counted = [(el, Counter(words(el.text_content()))) for el in candidates]
    if not reference_words:
        pool = [(el, n) for el, n in counted if el in specific] or counted
        return max(pool, key=lambda pair: sum(pair[1].values()))[0]
    scored = [(coverage(n, reference_words), sum(n.values()), el) for el, n in counted]
    best = max(score for score, _, _ in scored)
    if best < CONTAINER_COVERAGE:
        return None
    return min((size, index, el) for index, (score, size, el) in enumerate(scored) if score >= best - 0.05)[2]


def remove_furniture(tree, article_text: str = "", article_lines=frozenset()):
    """Drop navigation, share bars, author boxes, Recent/Related lists and comments, in place.

    `article_text`: the reference main text, whitespace-normalised; `article_lines`: its paragraphs,
    headings and list items. An element holding a run of that text, or a whole short line of it
    (a heading, a list item), is part of the article (or wraps it) and stays, whatever its tag or
    class names say. Without a
    reference, an element holding half the page's words or more stays.
    """
    keep = _article_elements(tree, article_text, article_lines) if article_text else set()
    page_words = 0 if article_text else len(words(tree.text_content()))
    doomed = []
    for tag in _FURNITURE_TAGS:
        doomed.extend(tree.xpath(f"//{tag}"))
    for element in tree.xpath("//*[@class or @id]"):
        if element.tag in ("html", "body") or element.get("itemprop") == "articleBody":
            continue
        if not element.xpath("ancestor::blockquote") and _FURNITURE_WORDS.search(
            f"{element.get('class', '')} {element.get('id', '')}"
        ):
            doomed.append(element)
    for heading in tree.xpath("//h2|//h3|//h4"):
        if " ".join(heading.text_content().split()).lower() in _FURNITURE_HEADINGS:
            container = heading.getparent()
            if container is not None and container.tag not in ("body", "html"):
                doomed.append(container)
    for element in doomed:
        if element in keep or element.getparent() is None:
            continue
        if page_words and len(words(element.text_content())) * 2 >= page_words:
            continue  # a page-wide wrapper (an ASP.NET <form>, a layout "sidebar" column)
        element.drop_tree()


def _article_elements(tree, article_text: str, article_lines) -> set:
    keep = set()
    for element in tree.iter():
        if not isinstance(element.tag, str) or element in keep:
            continue
        runs = [" ".join((run or "").split()) for run in [element.text] + [child.tail for child in element]]
        if any(len(run) >= _PROTECTING_RUN and run in article_text for run in runs) or (
            element.tag in _LINE_TAGS and " ".join(element.text_content().split()) in article_lines
        ):
            keep.add(element)
            keep.update(element.iterancestors())
    return keep
