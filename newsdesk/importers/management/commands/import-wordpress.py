import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tasks.backends.immediate import ImmediateBackend
from tqdm import tqdm

from newsdesk.core.collection import batch_collection
from newsdesk.importers.load.alongside import attach, index_the_rest
from newsdesk.importers.read.wxr import WXRError
from newsdesk.importers.report import Report
from newsdesk.importers.tasks import understand_imported_articles
from newsdesk.importers.wordpress import BATCH_SIZE, WordPressImport, read_section_map


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become articles, pages plain pages, categories sections, "
        "authors and Co-Authors Plus guest authors bylines, attachments images, old URLs redirects. "
        "Safe to run again: it updates what an earlier run imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file from WordPress › Tools › Export.")
        parser.add_argument("--media-dir", help="The site's wp-content/uploads folder, to import images from.")
        parser.add_argument("--dry-run", action="store_true", help="Do everything, report it, then undo it.")
        parser.add_argument(
            "--status",
            choices=["as-source", "draft"],
            default="as-source",
            help="as-source: published stays published, scheduled stays scheduled (default); draft: everything lands as a draft.",
        )
        parser.add_argument(
            "--section-map", help="CSV (category-slug,section-slug per line) or JSON mapping categories to sections."
        )
        parser.add_argument(
            "--report", help="Where to write the JSON-lines report (default: EXPORT.import-report.jsonl)."
        )
        parser.add_argument(
            "--skip-search-index",
            action="store_true",
            help="Leave the imported pages out of search until `newsdesk update_index` is run (saves about a third of the time).",
        )
        parser.add_argument(
            "--understand-now",
            action="store_true",
            help="Find the imported articles' entities and refresh related articles before the command ends, "
            "where no task worker would (about two minutes per 1,000 articles).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Posts and pages per transaction (default {BATCH_SIZE}); new articles in a batch are written together. "
            "1 imports one item per transaction: slower, and a stopped run loses at most the item in hand.",
        )

    def handle(self, *args, **options):
        with batch_collection():
            self._import(**options)

    def _import(
        self,
        *,
        export,
        media_dir,
        dry_run,
        status,
        section_map,
        report,
        batch_size,
        skip_search_index,
        understand_now,
        **options,
    ):
        path = Path(export)
        if batch_size < 1:
            raise CommandError(f"--batch-size must be 1 or more, not {batch_size}.")
        if not path.is_file():
            raise CommandError(f"{path} does not exist or is not a file.")
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        mapping = self._section_map(section_map)
        report_path = Path(report) if report else path.with_suffix(".import-report.jsonl")
        log = Report(report_path)
        importer = WordPressImport(
            path,
            report=log,
            media_dir=media_dir,
            status=status,
            section_map=mapping,
            dry_run=dry_run,
            batch_size=batch_size,
        )
        # On PostgreSQL, committed batches are indexed by a second process while the import goes on.
        alongside = None if dry_run or skip_search_index else attach(importer)
        try:
            with self._progress_bar(options["verbosity"]) as progress:
                importer.progress = progress
                importer.run()
        except BaseException as exc:
            if alongside:
                alongside.stop()
            if isinstance(exc, WXRError):
                log.add("file", path.name, "error", str(exc))
                raise CommandError(f"{exc} Nothing was imported. Report: {report_path}") from None
            raise
        finally:
            log.close()
        prefix = "Dry run, nothing kept — " if dry_run else "Imported — "
        self.stdout.write(f"{prefix}{log.summary()}. Report: {report_path}.")
        if dry_run:
            return
        if skip_search_index:
            self.stdout.write("Not yet in search: run `newsdesk update_index` when convenient.")
        else:
            indexed = index_the_rest(importer.source, alongside)
            self.stdout.write(f"Added {indexed} imported pages to the search index.")
        self._understand(importer.source, now=understand_now)
        # Wagtail's usage counts ("used in 3 pages") are rebuilt for the whole site, which takes
        # several times longer than the import: left to the desk to run when it suits.
        self.stdout.write("To count where images and pages are used, run `newsdesk rebuild_references_index`.")

    def _understand(self, source: str, *, now: bool) -> None:
        """Imported articles are written in bulk, past the save that queues their entity extraction: it is
        queued here instead, for the task worker. Where tasks run in this process (no worker, the embedded
        default), it would hold the command for minutes (about two per 1,000 articles), so it is left to
        the commands that back-fill it, unless asked for with --understand-now."""
        if now:
            count = understand_imported_articles.call(source)
            self.stdout.write(f"Found entities and refreshed related articles for {count} imported articles.")
        elif not settings.ENTITIES_EXTRACT_ON_SAVE:
            return
        elif isinstance(understand_imported_articles.get_backend(), ImmediateBackend):
            self.stdout.write(
                "Entities and related articles are not found yet: no task worker runs here, and finding them "
                "takes about two minutes per 1,000 articles. Run `newsdesk extract-entities` and then "
                "`newsdesk compute-related` when convenient (or import with --understand-now)."
            )
        else:
            understand_imported_articles.enqueue(source)
            self.stdout.write("Queued entity extraction and related articles for the imported articles.")

    def _section_map(self, section_map):
        if not section_map:
            return None
        try:
            return read_section_map(section_map)
        except (OSError, ValueError) as exc:
            raise CommandError(f"--section-map {section_map} cannot be read: {exc}") from None

    def _progress_bar(self, verbosity):
        return _Progress(enabled=verbosity > 0 and sys.stderr.isatty())


class _Progress:
    """A tqdm bar per pass over the file, only on a terminal."""

    def __init__(self, enabled):
        self.enabled, self.bar, self.stage = enabled, None, None

    def __enter__(self):
        return self

    def __call__(self, position, total, stage):
        if not self.enabled:
            return
        if stage != self.stage:
            if self.bar is not None:
                self.bar.close()
            self.bar = tqdm(total=total, unit="B", unit_scale=True, desc=stage, leave=False)
            self.stage = stage
        self.bar.update(position - self.bar.n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
