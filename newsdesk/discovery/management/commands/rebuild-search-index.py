from django.core.management.base import BaseCommand
from tqdm import tqdm

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.engine import indexing


class Command(BaseCommand):
    help = (
        "Rewrite every article's search document, in batches, while the site keeps serving: each batch "
        "replaces its own rows in one short transaction, so searches see the old or the new document, "
        "never none. The vocabulary for spelling suggestions is recounted and swapped in at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=indexing.BATCH_SIZE)
        parser.add_argument(
            "--jobs",
            type=int,
            default=2,
            help="Database connections writing at once on PostgreSQL, each using a server core (SQLite: one).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, batch_size, jobs, no_progress, **options):
        ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
        with (
            indexing.bulk_indexing(),
            tqdm(total=len(ids), unit="article", disable=no_progress, file=self.stderr) as progress,
        ):
            indexed, vocabulary = indexing.index_in_batches(
                ids, batch_size=max(batch_size, 1), jobs=jobs, progress=progress.update
            )
        indexing.replace_vocabulary(vocabulary)
        dropped = indexing.drop_orphans()
        indexing.refresh_statistics()
        self.stdout.write(
            f"Indexed {indexed} articles for search ({len(vocabulary)} words in the vocabulary, {dropped} stale entries dropped)."
        )
