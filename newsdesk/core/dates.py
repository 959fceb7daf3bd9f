"""Dates as readers and machines see them."""

from django.utils import timezone


def iso_datetime(value) -> str:
    """ISO 8601 with offset and whole seconds: what <time datetime> and schema.org accept everywhere.

    The HTML spec allows at most three digits of fractional seconds, so microseconds are dropped.
    """
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
