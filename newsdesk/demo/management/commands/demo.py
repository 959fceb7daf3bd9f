import time

from django.conf import settings
from django.core.management.base import BaseCommand

from newsdesk.demo.loader import ADMIN_USERNAME, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo desk (publication, sections, authors, images, articles, admin user). "
        "Safe to run again: it only creates what is missing and never overwrites edits."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        report = load_demo(base_url=settings.WAGTAILADMIN_BASE_URL)
        if report.admin_password:
            self.stdout.write(
                f'Created the superuser "{ADMIN_USERNAME}" with password: {report.admin_password}\n'
                "It is shown only this once: keep it, or change it with `newsdesk changepassword admin`."
            )
        else:
            self.stdout.write(f'The user "{ADMIN_USERNAME}" already exists; its password is unchanged.')
        self.stdout.write(self.style.SUCCESS(f"{report.summary()} ({time.monotonic() - started:.1f} s)"))
