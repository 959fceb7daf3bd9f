"""Entity linking scored on the evaluation set, extraction speed and memory, and a back-fill of 2,000 articles.

    .venv/bin/python bench/understanding.py [--backfill 2000] [--processes 2] [--no-backfill | --backfill-only]

1. Linking: the 60 articles of bench/data/understanding/ run through the extractor (in memory, the same
   code the background task and the back-fill use) with the desk's catalogue as its curated entities.
   Precision, recall and F1 over (article, entity name, kind) after alias resolution, per kind and overall,
   as the set's README defines them; "about" accuracy is reported apart. The baseline in the same run is
   the statistical model alone: no catalogue, no country and city data, no joining of short forms.
2. Speed: articles per second through the extractor, against spaCy's own recogniser over the same texts.
3. Back-fill: a throwaway SQLite desk with the catalogue entered and N articles (the evaluation texts
   repeated), timed through `newsdesk extract-entities`, then once more to show it is idempotent.
4. Related articles: the desk's scoring (newsdesk/discovery/related.py, the code the publish task runs) over
   the 60 articles, with the entities the extractor found (what a desk confirming every suggestion would have)
   and with the gold entities; precision@5 (every article has at least five gold related), and precision over
   k = min(5, gold) slots as the README defines it (the same figure on this set). The
   baselines in the same run are wording alone and entities alone.
"""

import argparse
import json
import resource
import time
from collections import Counter, defaultdict
from pathlib import Path

import render  # the throwaway desk (temporary data folder, Django set up) and its bulk page writer

DATA = Path(__file__).resolve().parent / "data" / "understanding"
KINDS = ["person", "organisation", "place", "event", "project"]


def load_set():
    articles = json.loads((DATA / "articles.json").read_text())
    catalogue = json.loads((DATA / "catalogue.json").read_text())
    return articles, catalogue


def texts_of(articles):
    from newsdesk.entities.article_text import ArticleText

    return [ArticleText.from_parts(a["headline"], a["standfirst"], a["body"]) for a in articles]


def catalogue_entries(catalogue):
    from newsdesk.entities.gazetteer import Entry

    return [Entry(f"cat:{i}", e["name"], e["kind"], e["aliases"], from_desk=True) for i, e in enumerate(catalogue)]


# -- scoring --------------------------------------------------------------------------------------


def score(articles, predicted):
    """Per kind and overall (tp, fp, fn), and the share of correct pairs whose role matches too."""
    from newsdesk.entities.names import normalise

    counts = defaultdict(Counter)
    roles = Counter()
    for article, found in zip(articles, predicted, strict=True):
        gold = {(normalise(e["name"]), e["kind"]): e["role"] for e in article["entities"]}
        guess = {(normalise(name), kind): role for name, kind, role in found}
        for pair in guess.keys() & gold.keys():
            counts[pair[1]]["tp"] += 1
            roles["match" if guess[pair] == gold[pair] else "miss"] += 1
        for pair in guess.keys() - gold.keys():
            counts[pair[1]]["fp"] += 1
        for pair in gold.keys() - guess.keys():
            counts[pair[1]]["fn"] += 1
    counts["all"] = sum(counts.values(), Counter())
    return counts, roles


def prf(c):
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def print_scores(label, counts, roles=None):
    print(f"\n{label}")
    print(f"  {'kind':<13}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind in [*KINDS, "all"]:
        c = counts.get(kind, Counter())
        p, r, f = prf(c)
        print(f"  {kind:<13}{p:>10.3f}{r:>8.3f}{f:>7.3f}{c['tp']:>6}{c['fp']:>5}{c['fn']:>5}")
    if roles:
        print(f"  role (about/mentions) right on {roles['match'] / sum(roles.values()):.3f} of the correct links")


def related_precision(articles, ranked):
    """Mean share of gold related among each article's top five (P@5), and over k = min(5, gold) (README, Metrics)."""
    capped, at5 = [], []
    for article in articles:
        top = ranked(article["id"])
        gold = set(article["related"])
        k = min(5, len(gold))
        capped.append(len(set(top[:k]) & gold) / k)
        at5.append(len(set(top[:5]) & gold) / 5)
    return sum(at5) / len(at5), sum(capped) / len(capped)


# -- runs -----------------------------------------------------------------------------------------


def linking(articles, catalogue):
    from newsdesk.entities.extraction import Extractor
    from newsdesk.entities.gazetteer import Gazetteer, NameMatcher
    from newsdesk.entities.pipeline import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    gazetteer = Gazetteer(nlp, catalogue_entries(catalogue))
    built = time.perf_counter() - started
    texts = texts_of(articles)
    Extractor(nlp).run(texts[:2], gazetteer)  # warm: the city index is read on first use

    started, cpu = time.perf_counter(), time.process_time()
    results = Extractor(nlp).run(texts, gazetteer)
    ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    list(nlp.pipe(text.text for text in texts))
    bare = time.perf_counter() - started

    predicted = [[(f.name, f.kind, f.role) for f in found] for found in results]
    counts, roles = score(articles, predicted)
    print_scores("Entity linking, extractor with the desk's catalogue (all suggestions)", counts, roles)
    # The set grew in two rounds (a01-a36, then a37-a60); each part on its own shows whether one carries the other.
    for label, part in [("a01-a36", slice(0, 36)), ("a37-a60", slice(36, None))]:
        part_counts, _ = score(articles[part], predicted[part])
        p, r, f = prf(part_counts["all"])
        print(f"  {label}: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")

    nothing = NameMatcher(nlp, [])
    model_only = Extractor(nlp).run(texts, Gazetteer(nlp, [], geo=nothing))
    baseline, _ = score(articles, [[(f.name, f.kind, f.role) for f in found] for found in model_only])
    print_scores("Baseline: the statistical model alone (no catalogue, no geography)", baseline)

    words = sum(len(text.text.split()) for text in texts)
    print(
        f"\nSpeed: {len(texts) / ours:.1f} articles/s ({words / len(texts):.0f} words each, "
        f"{1000 * ours / len(texts):.1f} ms/article); spaCy's recogniser alone {len(texts) / bare:.1f} articles/s; "
        f"ratio {ours / bare:.2f}x its time; {1000 * ours_cpu / len(texts):.1f} ms CPU/article"
    )
    print(
        f"One article of {one_article_words(articles)} words: {1000 * one_article_seconds(articles, nlp, gazetteer):.0f} ms (median of 5)"
    )
    print(f"Start-up: pipeline loaded in {loaded:.2f} s, gazetteer built in {built:.2f} s")
    print(f"Peak memory so far: {peak_mb():.0f} MB (resident, whole process)")
    return prf(counts["all"])[2], predicted


def related_run(articles, predicted):
    """Precision of the related lists, with extracted and with gold entities, against one-signal baselines."""
    from newsdesk.discovery import related
    from newsdesk.entities.names import normalise

    def documents(entities_of):
        return [
            related.Document(
                n,
                "\n\n".join([a["headline"], a["standfirst"], *a["body"]]),
                [(f"{kind}:{normalise(name)}", name, role, kind) for name, kind, role in entities_of(n, a)],
            )
            for n, a in enumerate(articles)
        ]

    extracted = documents(lambda n, a: predicted[n])
    gold = documents(lambda n, a: [(e["name"], e["kind"], e["role"]) for e in a["entities"]])
    ids = [a["id"] for a in articles]
    print("\nRelated articles: precision@5 (share of gold related among the top five), and over min(5, gold) slots")
    results = {}
    desk = (related.ENTITY_SHARE, related.ROLE_WEIGHTS, related.KIND_WEIGHTS)
    # The weights before places counted for less and mentions for 0.5 (they were 0.2).
    earlier = (0.3, {"about": 1.0, "mentions": 0.2}, {})
    for label, docs, (share, roles, kinds) in [
        ("extracted entities + wording (the desk's scoring)", extracted, desk),
        ("gold entities + wording", gold, desk),
        ("baseline: earlier weights (no kind weight)", extracted, earlier),
        ("baseline: wording alone", extracted, (0.0, *desk[1:])),
        ("baseline: extracted entities alone", extracted, (1.0, *desk[1:])),
    ]:
        related.ENTITY_SHARE, related.ROLE_WEIGHTS, related.KIND_WEIGHTS = share, roles, kinds
        try:
            corpus = related.Corpus(docs)
            started = time.perf_counter()
            ranked = {ids[n]: [ids[m.other] for m in corpus.matches(n, limit=5)] for n in range(len(articles))}
            elapsed = time.perf_counter() - started
        finally:
            related.ENTITY_SHARE, related.ROLE_WEIGHTS, related.KIND_WEIGHTS = desk
        at5, capped = related_precision(articles, ranked.__getitem__)
        results[label] = at5
        print(
            f"  {label:<52} P@5 {at5:.3f}  (over min(5, gold): {capped:.3f}; {1000 * elapsed / len(articles):.2f} ms/article)"
        )
    return results["extracted entities + wording (the desk's scoring)"]


def _long_article(articles):
    """About 1,000 words: the first article's headline and standfirst over the bodies of three."""
    from newsdesk.entities.article_text import ArticleText

    body = [paragraph for article in articles[:3] for paragraph in article["body"]]
    return ArticleText.from_parts(articles[0]["headline"], articles[0]["standfirst"], body)


def one_article_words(articles) -> int:
    return len(_long_article(articles).text.split())


def one_article_seconds(articles, nlp, gazetteer) -> float:
    from newsdesk.entities.extraction import Extractor

    text, times = _long_article(articles), []
    for _ in range(5):
        started = time.perf_counter()
        Extractor(nlp).run([text], gazetteer)
        times.append(time.perf_counter() - started)
    return sorted(times)[2]


def children_cpu() -> float:
    """CPU seconds of the worker processes that have ended (both the pool's and spaCy's own are waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def backfill(articles, catalogue, count, processes):
    import io

    from django.core.management import call_command
    from wagtail.rich_text import RichText

    from newsdesk.entities.models import ArticleEntity, Entity

    # render.build writes `count` real article pages in bulk; each body is one of the evaluation texts.
    def body_for(n, image, also_see_id):
        article = articles[n % len(articles)]
        paragraphs = [article["standfirst"], *article["body"]]
        return [("paragraph", RichText(f"<p>{paragraph}</p>")) for paragraph in paragraphs]

    render.body_for = body_for
    started = time.perf_counter()
    render.build(count)
    for entry in catalogue:
        entity = Entity.objects.create(name=entry["name"], kind=entry["kind"], same_as=entry["same_as"])
        entity.add_aliases(entry["aliases"])
    print(f"\nBack-fill: built {count} articles in {time.perf_counter() - started:.1f} s")
    timings = []
    for _run in range(2):
        started, cpu, workers = time.perf_counter(), time.process_time(), children_cpu()
        call_command("extract-entities", verbosity=0, processes=processes, stdout=io.StringIO())
        timings.append(time.perf_counter() - started)
        cpu, workers = time.process_time() - cpu, children_cpu() - workers
        links = ArticleEntity.objects.count()
        # CPU time beside wall time: on a shared machine the wall clock also counts other people's work. The
        # worker processes' CPU over the cores they had is what the wall time would be with the machine to itself.
        print(
            f"  extract-entities --processes {processes} over {count} articles: {timings[-1]:.1f} s wall "
            f"({count / timings[-1]:.1f} articles/s); CPU {cpu:.1f} s here + {workers:.1f} s in workers "
            f"({1000 * (cpu + workers) / count:.0f} ms CPU/article); {links} links, {Entity.objects.count()} entities"
        )
    print(f"  second run (idempotent, nothing new) took {timings[1] / timings[0]:.2f}x the first")
    print(f"Peak memory: {peak_mb():.0f} MB (resident, whole process)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backfill", type=int, default=2000, help="Articles in the back-fill run (default 2000).")
    parser.add_argument("--no-backfill", action="store_true", help="Score linking only.")
    parser.add_argument("--processes", type=int, default=2, help="Model processes in the back-fill (default 2).")
    parser.add_argument(
        "--backfill-only",
        action="store_true",
        help="Time the back-fill alone (with NEWSDESK_TREE=<another checkout>, that tree's code: a baseline).",
    )
    args = parser.parse_args()
    articles, catalogue = load_set()
    if args.backfill_only:
        import newsdesk

        print(f"Back-fill only, code from {Path(newsdesk.__file__).parent}")
        backfill(articles, catalogue, args.backfill, args.processes)
        return
    print(f"Evaluation set: {len(articles)} articles, {sum(len(a['entities']) for a in articles)} gold links")
    f1, predicted = linking(articles, catalogue)
    precision = related_run(articles, predicted)
    print(f"\nEntity F1 {f1:.3f} (target 0.90); related precision@5 {precision:.3f} (target 0.8)")
    if not args.no_backfill:
        backfill(articles, catalogue, args.backfill, args.processes)


if __name__ == "__main__":
    main()
