"""The blocks an article body is built from, and how each renders itself for feeds and the API.

`feed_html(value, output)` turns a block's stored (JSON) value into plain semantic HTML for feed
readers, which show content without our stylesheet or scripts. `output` is the batch that renders
many articles at once (distribution.content.ArticleBatch): it holds the images and published Also
See targets of the whole batch and makes addresses absolute, so a block never queries on its own.
`api_value(value, output)` is the block's value in the read API, ids resolved the same way.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from newsdesk.core.html import safe_link

# Body text stays plain journalism: emphasis, links and lists, no headings or images inline.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript", "strikethrough"]


class FeedRendered:
    """What every body block provides for feeds and the API; a block without `feed_html` fails its test."""

    def feed_html(self, value, output) -> str:
        raise NotImplementedError(f"{type(self).__name__} does not say how it renders in feeds")

    def api_value(self, value, output):
        return value


class ParagraphBlock(FeedRendered, blocks.RichTextBlock):
    def feed_html(self, value, output) -> str:
        return output.rich_text(value)


class HeadingBlock(FeedRendered, blocks.StructBlock):
    text = blocks.CharBlock(max_length=160)
    level = blocks.ChoiceBlock(choices=[("h2", "Section heading (h2)"), ("h3", "Sub-heading (h3)")], default="h2")
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Optional stable anchor for links; made from the text when empty.",
    )

    class Meta:
        icon = "title"
        template = "articles/blocks/heading.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor_id"] = heading_anchor(value)
        return context

    def feed_html(self, value, output) -> str:
        tag = "h3" if value.get("level") == "h3" else "h2"
        return format_html("<{}>{}</{}>", tag, value.get("text", ""), tag)


def heading_anchor(value) -> str:
    return slugify(value.get("anchor") or value.get("text") or "", allow_unicode=True) or "section"


class QuoteBlock(FeedRendered, blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200, help_text="Who said or wrote it.")
    source_url = blocks.URLBlock(required=False, help_text="Link to the original statement or document.")

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"

    def feed_html(self, value, output) -> str:
        cite = value.get("attribution") or ""
        source_url = safe_link(value.get("source_url") or "")
        if cite and source_url:
            cite = format_html('<a href="{}">{}</a>', source_url, cite)
        cite_html = format_html("<figcaption>{}</figcaption>", cite) if cite else ""
        return format_html("<figure><blockquote><p>{}</p></blockquote>{}</figure>", value.get("text", ""), cite_html)

    def api_value(self, value, output):
        return {**value, "source_url": safe_link(value.get("source_url") or "")}


class PullQuoteBlock(FeedRendered, blocks.StructBlock):
    text = blocks.CharBlock(max_length=280)
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/pull_quote.html"

    def feed_html(self, value, output) -> str:
        who = format_html(" — {}", value["attribution"]) if value.get("attribution") else ""
        return format_html("<blockquote><p>{}{}</p></blockquote>", value.get("text", ""), who)


class ImageBlock(FeedRendered, blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=300, help_text="Leave empty to use the image's own caption.")
    credit = blocks.CharBlock(required=False, max_length=120, help_text="Overrides the image's credit here only.")

    class Meta:
        icon = "image"
        template = "articles/blocks/image.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["credit_line"] = value["image"].credit_line_for(value.get("credit")) if value.get("image") else ""
        return context

    def feed_html(self, value, output) -> str:
        image = output.images.get(value.get("image"))
        if image is None:
            return ""
        return output.figure(image, value.get("caption") or image.default_caption, value.get("credit"))

    def api_value(self, value, output):
        image = output.images.get(value.get("image"))
        return {**value, "image": output.image_document(image, value.get("caption") or "") if image else None}


class CaptionedEmbedBlock(FeedRendered, blocks.StructBlock):
    embed = EmbedBlock(help_text="A link to a video, post or map from a supported provider.")
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "media"
        template = "articles/blocks/embed.html"

    def feed_html(self, value, output) -> str:
        url = value.get("embed") or ""
        if not url:
            return ""
        return format_html('<p><a href="{}">{}</a></p>', url, value.get("caption") or url)


class AlsoSeeBlock(FeedRendered, blocks.StructBlock):
    """A link to another article that follows it when moved and vanishes when it is unpublished."""

    article = blocks.PageChooserBlock(page_type="articles.ArticlePage")
    label = blocks.CharBlock(required=False, max_length=40, default="Also see")

    class Meta:
        icon = "link"
        template = "articles/blocks/also_see.html"

    def feed_html(self, value, output) -> str:
        target = output.pages.get(value.get("article"))
        if target is None:  # a target readers may not see vanishes, as on the page
            return ""
        return format_html(
            '<p>{}: <a href="{}">{}</a></p>', value.get("label") or "Also see", output.page_url(target), target.title
        )

    def api_value(self, value, output):
        target = output.pages.get(value.get("article"))
        linked = {"id": target.pk, "headline": target.title, "url": output.page_url(target)} if target else None
        return {**value, "article": linked}


class FactBoxBlock(FeedRendered, blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "list-ul"
        template = "articles/blocks/fact_box.html"

    def feed_html(self, value, output) -> str:
        return format_html("<aside><h3>{}</h3>{}</aside>", value.get("title", ""), output.rich_text(value.get("body")))


class CaptionedTableBlock(FeedRendered, blocks.StructBlock):
    caption = blocks.CharBlock(required=False, max_length=200)
    table = TableBlock()

    class Meta:
        icon = "table"
        template = "articles/blocks/table.html"

    def feed_html(self, value, output) -> str:
        table = value.get("table") or {}
        rows = table.get("data") or []
        header = bool(table.get("first_row_is_table_header")) and rows
        head_html = format_html("<thead><tr>{}</tr></thead>", _cells("th", rows[0])) if header else ""
        body_rows = rows[1:] if header else rows
        body_html = format_html_join("", "<tr>{}</tr>", ((_cells("td", row),) for row in body_rows))
        caption = format_html("<caption>{}</caption>", value["caption"]) if value.get("caption") else ""
        return format_html("<table>{}{}<tbody>{}</tbody></table>", caption, head_html, body_html)


def _cells(tag: str, row) -> str:
    return mark_safe("".join(format_html("<{}>{}</{}>", tag, cell or "", tag) for cell in row))


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES, template="articles/blocks/paragraph.html")
    heading = HeadingBlock()
    quote = QuoteBlock()
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    embed = CaptionedEmbedBlock()
    also_see = AlsoSeeBlock()
    fact_box = FactBoxBlock()
    table = CaptionedTableBlock()
