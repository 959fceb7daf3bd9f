"""Every way a published page can leave the public outputs is noted (see models.Withdrawal)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from newsdesk.distribution.models import note_withdrawal


def _page_left(sender, instance=None, **kwargs):
    if isinstance(instance, Page) and instance.live:
        note_withdrawal()


def _unpublished(sender, **kwargs):
    note_withdrawal()


def _restriction_changed(sender, **kwargs):
    # Restricting a page takes it out; lifting a restriction brings pages in with old publication dates.
    note_withdrawal()


def connect() -> None:
    page_unpublished.connect(_unpublished, dispatch_uid="distribution-unpublished")
    post_page_move.connect(_page_left, dispatch_uid="distribution-moved")
    post_delete.connect(_page_left, dispatch_uid="distribution-deleted")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="distribution-restricted")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="distribution-unrestricted")
