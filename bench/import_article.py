"""How well Import from HTML reads article bodies, against plain trafilatura on the same pages.

Runs over the article-import corpus (newsdesk/importers/tests/corpus, 54 saved pages of 14
shapes in five languages and four encodings) and prints, for our extractor and for
`trafilatura.extract(page_bytes)`: body token precision, recall and F1 (bags of words against the
expected text; mean and worst page), headline accuracy, and pages per second.

    .venv/bin/python bench/import_article.py              # summary
    .venv/bin/python bench/import_article.py --pages      # and one line per page
"""

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


import trafilatura  # noqa: E402

from newsdesk.importers.read import markup  # noqa: E402
from newsdesk.importers.read.article_page import extract_article  # noqa: E402
from newsdesk.importers.tests.corpus import corpus_pages, token_scores  # noqa: E402


def ours(data: bytes) -> tuple[str, str]:
    record = extract_article(data)
    return markup.blocks_text(record.body), record.headline


def theirs(data: bytes) -> tuple[str, str]:
    text = trafilatura.extract(data) or ""
    metadata = trafilatura.extract_metadata(trafilatura.utils.decode_file(data))
    return text, (metadata.title if metadata is not None else "") or ""


def run(extractor, pages) -> dict:
    started = time.perf_counter()
    results = [(page, *extractor(page.read())) for page in pages]
    elapsed = time.perf_counter() - started
    scores = {page.name: token_scores(text, page.expected) for page, text, _ in results}
    headlines = sum(headline == page.headline for page, _, headline in results)
    return {"scores": scores, "headlines": headlines, "pages_per_s": len(pages) / elapsed}


def summary(label, result, pages):
    scores = list(result["scores"].values())
    mean = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
    worst_name, worst = min(result["scores"].items(), key=lambda item: item[1][2])
    print(
        f"{label:<12} P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}  worst F1 {worst[2]:.3f} ({worst_name})  "
        f"headlines {result['headlines']}/{len(pages)}  {result['pages_per_s']:.1f} pages/s"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="print one line per page")
    args = parser.parse_args()
    pages = corpus_pages()
    ours(pages[0].read())  # warm imports and caches before timing
    mine, baseline = run(ours, pages), run(theirs, pages)
    print(f"{len(pages)} pages")
    summary("newsdesk", mine, pages)
    summary("trafilatura", baseline, pages)
    behind = [name for name in mine["scores"] if mine["scores"][name][2] < baseline["scores"][name][2]]
    print(f"pages where our F1 is below trafilatura's: {len(behind)} {behind if behind else ''}")
    print(f"speed ratio (ours / trafilatura): {mine['pages_per_s'] / baseline['pages_per_s']:.2f}")
    if args.pages:
        for page in pages:
            a, b = mine["scores"][page.name][2], baseline["scores"][page.name][2]
            print(f"  {a:.3f} {b:.3f} {'<' if a < b else ' '} {page.name}")


if __name__ == "__main__":
    main()
