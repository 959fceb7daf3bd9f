"""An article's full text as self-contained HTML for feeds, and its images, for many articles at once.

Feed readers show content without our stylesheet or scripts, so each body block renders itself as
plain semantic HTML (`feed_html` in articles/blocks.py). Images and linked articles are fetched once
for the whole batch, which keeps a 100-item feed at a fixed number of queries.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from newsdesk.articles.models import ArticlePage
from newsdesk.distribution.links import absolute, original_url, page_url
from newsdesk.images.models import NewsImage


def body_blocks(article) -> list[dict]:
    return list(article.body.raw_data or [])


class ArticleBatch:
    """The images and published Also See targets of a list of articles, loaded in two queries."""

    def __init__(self, articles, request):
        self.request = request
        self.articles = list(articles)
        image_ids, page_ids = set(), set()
        for article in self.articles:
            for block in body_blocks(article):
                value = block.get("value") or {}
                if block["type"] == "image" and value.get("image"):
                    image_ids.add(value["image"])
                elif block["type"] == "also_see" and value.get("article"):
                    page_ids.add(value["article"])
        self.images = NewsImage.objects.in_bulk(image_ids) if image_ids else {}
        self.pages = ArticlePage.objects.published().in_bulk(page_ids) if page_ids else {}

    def images_of(self, article) -> list[tuple]:
        """(image, caption, credit) for the hero and every body image, in reading order."""
        found = []
        if article.hero_image_id and article.hero_image:
            found.append((article.hero_image, article.caption, article.hero_image.credit))
        for block in body_blocks(article):
            value = block.get("value") or {}
            if block["type"] == "image" and value.get("image") in self.images:
                image = self.images[value["image"]]
                found.append(
                    (image, value.get("caption") or image.default_caption, image.credit_for(value.get("credit")))
                )
        return found

    def html(self, article) -> str:
        parts = []
        if article.hero_image_id and article.hero_image:
            parts.append(self.figure(article.hero_image, article.caption))
        children = article.body.stream_block.child_blocks
        for block in body_blocks(article):
            # An unknown type is stored data the code no longer knows: it fails loudly here, never vanishes.
            parts.append(children[block["type"]].feed_html(block.get("value"), self))
        return "\n".join(str(part) for part in parts if part)

    # -- what blocks ask of the batch ---------------------------------------------------------------

    def figure(self, image, caption, credit=""):
        credit_line = image.credit_line_for(credit)
        credit_html = format_html(" <small>{}</small>", credit_line) if credit_line else ""
        return format_html(
            '<figure><img src="{}" width="{}" height="{}" alt="{}"><figcaption>{}{}</figcaption></figure>',
            original_url(self.request, image),
            image.width,
            image.height,
            image.alt_text,
            caption or "",
            credit_html,
        )

    def rich_text(self, html) -> str:
        # Feed readers resolve relative links against their own origin, so internal links go out absolute.
        expanded = expand_db_html(html or "")
        return mark_safe(expanded.replace('href="/', f'href="{escape(absolute(self.request, "/"))}'))

    def page_url(self, page) -> str:
        return page_url(self.request, page)
