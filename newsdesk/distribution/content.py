"""An article's full text as self-contained HTML for feeds, and its images, for many articles at once.

Feed readers show content without our stylesheet or scripts, so this renders plain semantic HTML
from the stored blocks. Images and linked articles are fetched once for the whole batch, which keeps
a 100-item feed at a fixed number of queries.
"""

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from newsdesk.distribution.links import absolute, original_url


def body_blocks(article) -> list[dict]:
    return list(article.body.raw_data or [])


class ArticleBatch:
    """The images and Also See targets of a list of articles, loaded in two queries."""

    def __init__(self, articles, request):
        from newsdesk.distribution.published import published_articles
        from newsdesk.images.models import NewsImage

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
        self.pages = published_articles().in_bulk(page_ids) if page_ids else {}

    def images_of(self, article) -> list[tuple]:
        """(image, caption, credit) for the hero and every body image, in reading order."""
        found = []
        if article.hero_image_id and article.hero_image:
            found.append((article.hero_image, article.caption, article.hero_image.credit))
        for block in body_blocks(article):
            value = block.get("value") or {}
            if block["type"] == "image" and value.get("image") in self.images:
                image = self.images[value["image"]]
                found.append((image, value.get("caption") or image.default_caption, value.get("credit") or image.credit))
        return found

    def html(self, article) -> str:
        parts = []
        if article.hero_image_id and article.hero_image:
            parts.append(self._figure(article.hero_image, article.caption, article.hero_image.credit))
        for block in body_blocks(article):
            render = getattr(self, f"_render_{block['type']}", None)
            if render is not None:
                parts.append(render(block.get("value")))
        return "\n".join(str(part) for part in parts if part)

    # -- one small renderer per block type -----------------------------------------------------

    def _figure(self, image, caption, credit):
        credit_html = format_html(' <small>Image: {}</small>', credit) if credit else ""
        return format_html(
            '<figure><img src="{}" width="{}" height="{}" alt="{}"><figcaption>{}{}</figcaption></figure>',
            original_url(self.request, image), image.width, image.height, image.alt_text, caption or "", credit_html,
        )

    def _render_paragraph(self, value):
        return mark_safe(self._absolute_links(expand_db_html(value or "")))

    def _render_heading(self, value):
        tag = "h3" if value.get("level") == "h3" else "h2"
        return format_html("<{}>{}</{}>", tag, value.get("text", ""), tag)

    def _render_quote(self, value):
        cite = value.get("attribution") or ""
        if cite and value.get("source_url"):
            cite = format_html('<a href="{}">{}</a>', value["source_url"], cite)
        cite_html = format_html("<figcaption>{}</figcaption>", cite) if cite else ""
        return format_html("<figure><blockquote><p>{}</p></blockquote>{}</figure>", value.get("text", ""), cite_html)

    def _render_pull_quote(self, value):
        who = format_html(" — {}", value["attribution"]) if value.get("attribution") else ""
        return format_html("<blockquote><p>{}{}</p></blockquote>", value.get("text", ""), who)

    def _render_image(self, value):
        image = self.images.get(value.get("image"))
        if image is None:
            return ""
        return self._figure(image, value.get("caption") or image.default_caption, value.get("credit") or image.credit)

    def _render_embed(self, value):
        url = value.get("embed") or ""
        if not url:
            return ""
        return format_html('<p><a href="{}">{}</a></p>', url, value.get("caption") or url)

    def _render_also_see(self, value):
        target = self.pages.get(value.get("article"))
        if target is None:  # unpublished targets vanish, as on the page
            return ""
        return format_html(
            '<p>{}: <a href="{}">{}</a></p>',
            value.get("label") or "Also see", absolute(self.request, target.get_url(self.request)), target.title,
        )

    def _render_fact_box(self, value):
        return format_html(
            "<aside><h3>{}</h3>{}</aside>", value.get("title", ""), mark_safe(self._absolute_links(expand_db_html(value.get("body") or "")))
        )

    def _render_table(self, value):
        table = value.get("table") or {}
        rows = table.get("data") or []
        header = bool(table.get("first_row_is_table_header")) and rows
        head_html = (
            format_html("<thead><tr>{}</tr></thead>", format_html_join("", "<th>{}</th>", ((c or "",) for c in rows[0])))
            if header else ""
        )
        body_rows = rows[1:] if header else rows
        body_html = format_html_join(
            "", "<tr>{}</tr>", ((format_html_join("", "<td>{}</td>", ((c or "",) for c in row)),) for row in body_rows)
        )
        caption = format_html("<caption>{}</caption>", value["caption"]) if value.get("caption") else ""
        return format_html("<table>{}{}<tbody>{}</tbody></table>", caption, head_html, body_html)

    def _absolute_links(self, html: str) -> str:
        # Feed readers resolve relative links against their own origin, so internal links go out absolute.
        return html.replace('href="/', f'href="{escape(absolute(self.request, "/"))}')
