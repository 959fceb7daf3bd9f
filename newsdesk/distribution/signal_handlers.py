"""What the public outputs do when a page changes, one short handler each (wired in apps.py).

Every way a published page can leave the outputs is noted, so feed and sitemap validators move
(see models.Withdrawal); every change a reader could see purges the reader caches (core/pagecache,
and Varnish or a CDN through purging.py).
"""

from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.core import pagecache
from newsdesk.distribution import purging
from newsdesk.distribution.links import CROPS, PORTRAIT
from newsdesk.distribution.models import note_withdrawal
from newsdesk.images.pictures import make_renditions


def note_page_left(sender, instance=None, **kwargs):
    if isinstance(instance, Page) and instance.live:
        note_withdrawal()


def note_unpublished(sender, **kwargs):
    note_withdrawal()


def note_restriction_changed(sender, **kwargs):
    # Restricting a page takes it out; lifting a restriction brings pages in with old publication dates.
    note_withdrawal()
    pagecache.purge(everything=True)


def remember_reader_paths(sender, instance, raw=False, **kwargs):
    if not raw and pagecache.frontend_caches_configured():
        instance._reader_paths_before = purging.live_article_paths(instance)


def purge_changed_page(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        purging.purge_article(instance, getattr(instance, "_reader_paths_before", ()))
    else:
        # Home, sections and standard pages appear in every page's navigation or listings.
        pagecache.purge(everything=True)


def make_article_renditions(sender, instance, **kwargs):
    if not isinstance(instance, ArticlePage):
        return
    article = instance.specific
    photos = [byline.author.photo_id for byline in article.bylines.select_related("author")]
    image_ids = {article.hero_image_id, *(image.pk for image in article.body_images()), *photos} - {None}
    if image_ids:
        # The social-card crops for structured data and the portrait for author cards, beside the pages' pictures.
        make_renditions.enqueue(sorted(image_ids), [*CROPS.values(), PORTRAIT])
