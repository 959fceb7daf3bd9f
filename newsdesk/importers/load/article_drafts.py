"""An extracted news page (ArticleRecord) becomes a draft article for an editor to check."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.utils.file import hash_filelike

from newsdesk.articles.models import ArticleByline, ArticlePage
from newsdesk.core.slugs import unused_slug
from newsdesk.images.models import NewsImage
from newsdesk.importers.load.images import image_block
from newsdesk.importers.load.import_records import block_id, remember
from newsdesk.importers.load.tags import ensure_tags
from newsdesk.importers.load.tree import free_slug
from newsdesk.importers.models import ImportKind, ImportRecord
from newsdesk.importers.read import markup
from newsdesk.importers.read.files import NotAPicture, picture_format, resolves_inside
from newsdesk.people.models import Author, AuthorKind

HTML_SOURCE = "html-page"
_ALSO_SEE = re.compile(r"^\s*also see\s*:\s*(?P<title>.+)$", re.IGNORECASE)


class DraftWriter:
    """`DraftWriter(section, base_dir=…).write(record, source_key)` → (draft page, notes for the editor)."""

    def __init__(self, section, *, base_dir: Path | None = None):
        self.section = section
        self.base_dir = Path(base_dir) if base_dir else None
        self.notes: list[str] = []

    @transaction.atomic
    def write(self, record, source_key: str):
        existing = ImportRecord.objects.object_id_for(HTML_SOURCE, ImportKind.ARTICLE, source_key)
        page = ArticlePage.objects.filter(pk=existing).first() if existing else None
        hero = self._image(record.hero, "hero image") if record.hero else None
        fields = {
            "title": markup.trim_words(record.headline, 255) or "Untitled page",
            "standfirst": record.standfirst or markup.trim_words(record.headline, 300),
            "body": self._body(record.body, source_key),
            "hero_image": hero,
            "hero_caption": (record.hero.caption[:300] if hero and record.hero else ""),
        }
        if not record.standfirst:
            self.notes.append("no standfirst found on the page: the headline stands in; write one")
        if page is None:
            page = ArticlePage(live=False, **fields)
            page.slug = free_slug(self.section, slugify(record.headline, allow_unicode=True)[:80] or "imported")
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.first_published_at = page.first_published_at or record.published_at
        page.bylines = [ArticleByline(author_id=pk, sort_order=i) for i, pk in enumerate(self._authors(record.bylines))]
        tags = [t[:100] for t in record.tags]
        ensure_tags(tags)
        page.tags.set(tags)
        if page.pk is None:
            self.section.add_child(instance=page)
        page.save_revision(log_action=False)
        remember(HTML_SOURCE, ImportKind.ARTICLE, source_key, page.pk, source_url=record.source_url)
        return page, self.notes

    def _authors(self, names) -> list[int]:
        if not names:
            self.notes.append("no byline found on the page: add one before publishing")
        pks = []
        for name in names:
            author = Author.objects.filter(name__iexact=name).first()
            if author is None:
                slug = slugify(name, allow_unicode=True) or "author"
                taken = set(Author.objects.filter(slug__startswith=slug).values_list("slug", flat=True))
                unique = unused_slug(slug, taken.__contains__)
                kind = AuthorKind.DESK if re.search(r"\b(desk|staff|team|bureau)\b", name, re.I) else AuthorKind.PERSON
                author = Author.objects.create(name=name, slug=unique, kind=kind)
                self.notes.append(f"new author {name!r} created")
            pks.append(author.pk)
        return pks

    def _body(self, blocks, source_key) -> list[dict]:
        body = []
        for index, block in enumerate(blocks):
            if block["type"] == "image":
                ref = block["value"]
                image = self._image(ref, "body image")
                if image is None:
                    continue
                block = image_block(image.pk, ref)
            elif block["type"] == "paragraph":
                block = self._also_see(block)
            body.append({**block, "id": block_id(HTML_SOURCE, source_key, index)})
        return body

    def _also_see(self, block):
        """An "Also see: <headline>" line becomes a link block when we have that article."""
        match = _ALSO_SEE.match(markup.plain_text(block["value"]))
        if not match:
            return block
        target = ArticlePage.objects.filter(title__iexact=match.group("title").strip()).first()
        if target is None:
            self.notes.append(f'"Also see" names an article we do not have ({match.group("title")[:60]}): kept as text')
            return block
        return {"type": "also_see", "value": {"article": target.pk, "label": "Also see"}}

    def _image(self, ref, what):
        """A NewsImage from a file saved next to the page; remote images are not fetched."""
        path = self._local_file(ref.src)
        if path is None:
            self.notes.append(
                f"{what} {ref.src or '(no address)'} was not imported: only files saved with the page are read"
            )
            return None
        try:
            picture_format(path, settings.WAGTAILIMAGES_EXTENSIONS)
        except NotAPicture as refusal:
            self.notes.append(f"{what} {ref.src} was not imported: {refusal}")
            return None
        with open(path, "rb") as handle:
            digest = hash_filelike(handle)  # the hash Wagtail's own duplicate check uses
        image = NewsImage.objects.filter(file_hash=digest).first()
        if image is None:
            image = NewsImage(
                title=ref.alt[:255] or path.stem,
                alt_text=ref.alt[:250],
                credit=ref.credit[:120],
                default_caption=ref.caption,
                source_url=ref.src if ref.src.startswith("http") else "",
            )
            with open(path, "rb") as handle:
                image.file = ImageFile(handle, name=path.name)
                image._set_image_file_metadata()
                image.save()
        if ref.credit:
            self.notes.append(f"credit {ref.credit!r} lifted from the {what} caption")
        return image

    def _local_file(self, src: str) -> Path | None:
        if not src or self.base_dir is None:
            return None
        parts = urlsplit(src)
        if parts.scheme not in ("", "file"):
            return None
        relative = unquote(parts.path).lstrip("/") if parts.scheme == "" else None
        candidates = (
            [Path(unquote(parts.path))]
            if parts.scheme == "file"
            else [self.base_dir / relative, self.base_dir / Path(relative).name]
        )
        for candidate in candidates:
            if resolves_inside(self.base_dir, candidate) and candidate.is_file():  # never outside the page's folder
                return candidate.resolve()
        return None
