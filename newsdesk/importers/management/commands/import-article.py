from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.importers.html_import import import_html_page
from newsdesk.sections.models import SectionPage


class Command(BaseCommand):
    help = (
        "Import one news article from a saved HTML page as a draft: headline, standfirst, bylines, date, "
        "body, quotes and the hero image with its caption and credit. Page furniture is left behind."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help="The saved .html file. Images saved beside it are imported too.")
        parser.add_argument("--url", default="", help="Where the page was published (kept as its source).")
        parser.add_argument("--section", help="Slug of the section to put the draft in (default: the first section).")

    def handle(self, *args, page, url, section, **options):
        path = Path(page)
        if not path.is_file():
            raise CommandError(f"{path} does not exist or is not a file.")
        sections = SectionPage.objects.order_by("path")
        target = sections.filter(slug=section).first() if section else sections.first()
        if target is None:
            raise CommandError(f"No section {section!r}." if section else "There is no section yet: create one first.")
        try:
            draft, notes = import_html_page(
                path.read_bytes(), target, url=url, base_dir=path.parent, source_key=url or str(path.resolve())
            )
        except ValueError as exc:
            raise CommandError(f"{path}: {exc}") from None
        for note in notes:
            self.stdout.write(f"  - {note}")
        self.stdout.write(
            f"Draft saved: {draft.title!r} in {target.title}, {len(draft.body)} blocks, "
            f"{len(draft.ordered_bylines)} byline(s). Check it at /admin/pages/{draft.pk}/edit/"
        )
