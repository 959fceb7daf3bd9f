"""The blocks an article body is built from."""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Body text stays plain journalism: emphasis, links and lists, no headings or images inline.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript", "strikethrough"]


class HeadingBlock(blocks.StructBlock):
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


def heading_anchor(value) -> str:
    return slugify(value.get("anchor") or value.get("text") or "", allow_unicode=True) or "section"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200, help_text='Who said or wrote it.')
    source_url = blocks.URLBlock(required=False, help_text="Link to the original statement or document.")

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=280)
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/pull_quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=300, help_text="Leave empty to use the image's own caption.")
    credit = blocks.CharBlock(required=False, max_length=120, help_text="Overrides the image's credit here only.")

    class Meta:
        icon = "image"
        template = "articles/blocks/image.html"


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text="A link to a video, post or map from a supported provider.")
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "media"
        template = "articles/blocks/embed.html"


class AlsoSeeBlock(blocks.StructBlock):
    """A link to another article that follows it when moved and vanishes when it is unpublished."""

    article = blocks.PageChooserBlock(page_type="articles.ArticlePage")
    label = blocks.CharBlock(required=False, max_length=40, default="Also see")

    class Meta:
        icon = "link"
        template = "articles/blocks/also_see.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "list-ul"
        template = "articles/blocks/fact_box.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, max_length=200)
    table = TableBlock()

    class Meta:
        icon = "table"
        template = "articles/blocks/table.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="articles/blocks/paragraph.html")
    heading = HeadingBlock()
    quote = QuoteBlock()
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    embed = CaptionedEmbedBlock()
    also_see = AlsoSeeBlock()
    fact_box = FactBoxBlock()
    table = CaptionedTableBlock()
