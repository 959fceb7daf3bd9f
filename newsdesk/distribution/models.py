"""When something last left the public outputs, so feeds and sitemaps can say they changed."""

from django.db import models
from django.utils import timezone


class Withdrawal(models.Model):
    """One row: the last time a published page was unpublished, deleted, moved or made private.

    A list's newest date cannot tell that an item left it; this time can, for every feed and sitemap
    at once, in one indexed read. Kept in the database rather than the cache so every server process
    answers with the same validators."""

    withdrawn_at = models.DateTimeField()

    class Meta:
        verbose_name = "withdrawal from the public outputs"

    def __str__(self):
        return f"Last withdrawal at {self.withdrawn_at:%Y-%m-%d %H:%M:%S}"


def note_withdrawal() -> None:
    Withdrawal.objects.update_or_create(pk=1, defaults={"withdrawn_at": timezone.now()})


def last_withdrawal():
    return Withdrawal.objects.filter(pk=1).values_list("withdrawn_at", flat=True).first()
