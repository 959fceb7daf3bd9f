"""What the public outputs do when a page changes, one short handler each (wired in apps.py).

Every way a published page can leave the outputs is noted, so feed and sitemap validators move
(see models.Withdrawal); every change a reader could see purges the reader caches (core/pagecache,
and Varnish or a CDN through purging.py).
"""

from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.core import pagecache
from newsdesk.distribution import purging
from newsdesk.distribution.links import CROPS, LOGO, MASTHEAD_LOGO, PORTRAIT
from newsdesk.distribution.models import note_withdrawal
from newsdesk.entities.models import Entity
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


def make_photo_renditions(sender, instance, raw=False, **kwargs):
    # An author's photo or an entity's picture: its pages (profile card, hub, JSON-LD) only read renditions.
    image_id = getattr(instance, "photo_id", None) or getattr(instance, "image_id", None)
    if image_id and not raw:
        make_renditions.enqueue([image_id], [PORTRAIT])


def make_logo_renditions(sender, instance, raw=False, **kwargs):
    # The masthead on every page and the publisher in JSON-LD only read the logo's renditions.
    if instance.logo_id and not raw:
        make_renditions.enqueue([instance.logo_id], [MASTHEAD_LOGO, LOGO], pictures=False)


def purge_entity_changed(sender, instance, created=False, raw=False, **kwargs):
    # An entity's name shows on its hub, on every hub it keeps company with and on every article about it (like
    # an author's byline); a merge moves links and retires a slug. The extractor's new finds show nowhere yet.
    if not raw and not (created and isinstance(instance, Entity)):
        pagecache.purge(everything=True)


def purge_link_saved(sender, instance, raw=False, **kwargs):
    # The extractor refreshes counts and snippets on every save: only a change readers see purges.
    if not raw and _shown(instance) != getattr(instance, "shown_before_save", None):
        purging.purge_entity_links(instance.article_id, [instance.entity_id])


def purge_link_deleted(sender, instance, **kwargs):
    if _shown(instance):
        purging.purge_entity_links(instance.article_id, [instance.entity_id])


def purge_links_changed(sender, article_id, entity_ids, **kwargs):
    # The extractor's bulk writes: one purge for the article and every entity whose link changed.
    purging.purge_entity_links(article_id, entity_ids)


def _shown(link):
    return link.shown_as()
