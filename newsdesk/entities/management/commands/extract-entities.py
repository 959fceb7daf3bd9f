from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newsdesk.articles.models import ArticlePage
from newsdesk.entities.linking import EntityResolver, LinkCounts, extract_and_link

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
        resolver, counts = EntityResolver(), LinkCounts()
        with tqdm(total=len(ids), unit="article", disable=options["verbosity"] == 0) as progress:
            for start in range(0, len(ids), batch_size):
                batch = list(ArticlePage.objects.filter(pk__in=ids[start : start + batch_size]).order_by("pk"))
                counts += extract_and_link(batch, resolver=resolver, processes=processes)
                progress.update(len(batch))
        self.stdout.write(
            f"Extracted entities from {len(ids)} articles: {counts.added} links added, "
            f"{counts.updated} refreshed, {counts.removed} stale suggestions removed."
        )
