from django.core.management.base import BaseCommand

from newsdesk.discovery import related


class Command(BaseCommand):
    help = (
        "Recompute the related articles of every published article (publishing does it for one article). "
        "Safe to run again: pinned and excluded articles stay as editors left them."
    )

    def handle(self, *args, **options):
        count = related.refresh_all()
        self.stdout.write(f"Computed related articles for {count} published articles.")
