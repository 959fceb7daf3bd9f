from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newsdesk.articles.models import ArticlePage
from newsdesk.entities.extraction import ExtractionPool
from newsdesk.entities.linking import (
    EntityResolver,
    LinkCounts,
    current_gazetteer,
    extract_and_link,
    latest_texts,
    link_results,
)
from newsdesk.entities.pipeline import load_pipeline

BATCH_SIZE = 64


class Command(BaseCommand):
    help = (
        "Find the entities (people, places, organisations, events, projects) of every article and refresh their "
        "suggestions. Safe to run again: confirmed and rejected links are kept, counts and snippets are refreshed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--published", action="store_true", help="Only published articles (default: all).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Articles read and saved together (default {BATCH_SIZE}).",
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=1,
            help="Worker processes for the language model (default 1; up to the number of cores for a large archive).",
        )

    def handle(self, *args, published, batch_size, processes, **options):
        if batch_size < 1 or processes < 1:
            raise CommandError("--batch-size and --processes must be 1 or more.")
        articles = ArticlePage.objects.published() if published else ArticlePage.objects.all()
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        batches = [ids[start : start + batch_size] for start in range(0, len(ids), batch_size)]
        resolver, counts = EntityResolver(), LinkCounts()
        with tqdm(total=len(ids), unit="article", disable=options["verbosity"] == 0) as progress:
            if processes == 1:
                for batch in batches:
                    counts += extract_and_link(_articles(batch), resolver=resolver)
                    progress.update(len(batch))
            else:
                counts += self.in_workers(batches, processes, resolver, progress)
        self.stdout.write(
            f"Extracted entities from {len(ids)} articles: {counts.added} links added, "
            f"{counts.updated} refreshed, {counts.removed} stale suggestions removed."
        )

    @staticmethod
    def in_workers(batches, processes, resolver, progress) -> LinkCounts:
        """The model in worker processes, one batch ahead of the links this process saves."""
        gazetteer, counts = current_gazetteer(), LinkCounts()
        with ExtractionPool(load_pipeline(), gazetteer, processes) as pool:
            ahead = None
            for batch in [*batches, None]:
                if batch is not None:
                    articles = _articles(batch)
                    submitted = (articles, pool.submit(latest_texts(articles)))
                if ahead is not None:
                    articles_ahead, results = ahead
                    counts += link_results(articles_ahead, results(), resolver)
                    progress.update(len(articles_ahead))
                ahead = submitted if batch is not None else None
        return counts


def _articles(ids) -> list:
    return list(ArticlePage.objects.filter(pk__in=ids).order_by("pk"))
