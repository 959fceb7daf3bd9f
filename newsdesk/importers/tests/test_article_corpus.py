"""On every page of the article corpus, Import from HTML reads the body at least as well as plain
trafilatura does and gets the headline exactly. No database: the readers are plain Python."""

import pytest
import trafilatura

from newsdesk.importers.read import markup
from newsdesk.importers.read.article_page import extract_article
from newsdesk.importers.tests.corpus import corpus_pages, token_scores

PAGES = corpus_pages()


def test_the_corpus_has_forty_pages_or_more_in_five_languages_and_four_encodings():
    assert len(PAGES) >= 40
    assert {page.encoding for page in PAGES} == {"utf-8", "cp1251", "euc-kr", "cp1256"}
    assert {page.name.split("--")[0] for page in PAGES} >= {"wp-classic", "drupal", "ghost", "amp", "microdata"}


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_our_body_is_at_least_as_good_as_trafilaturas_and_the_headline_is_exact(page):
    data = page.read()
    record = extract_article(data)
    ours = token_scores(markup.blocks_text(record.body), page.expected)
    theirs = token_scores(trafilatura.extract(data) or "", page.expected)
    assert record.headline == page.headline
    assert ours[2] >= theirs[2], f"F1 {ours[2]:.3f} < trafilatura's {theirs[2]:.3f}"
    assert ours[2] >= 0.9
    assert record.bylines in ([], [page.author])  # bylines are read as before; never garbled
