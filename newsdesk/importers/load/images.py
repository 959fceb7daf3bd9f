"""Attachment files become NewsImages; body and hero images are found by attachment id or URL."""

import os

import willow
from django.core.files import File
from django.db import router, transaction
from django.db.models.signals import post_save, pre_save
from wagtail.models import get_root_collection_id
from wagtail.utils.file import hash_filelike

from newsdesk.images.models import NewsImage
from newsdesk.importers.load.import_records import cache_after_commit, fingerprint, remember
from newsdesk.importers.models import ImportKind, ImportRecord


def image_block(image_pk: int, ref) -> dict:
    """An image body block for a resolved ImageRef; the credit also lives on the image itself."""
    return {"type": "image", "value": {"image": image_pk, "caption": ref.caption, "credit": ref.credit[:120]}}


class ImageWriter:
    def __init__(self, source: str, report, created_files: list):
        self.source, self.report = source, report
        self.created_files = created_files  # storage names written this run (a dry run deletes them)
        self._by_id: dict[str, int] | None = None  # attachment id → image pk, read on the first find()
        self._by_url: dict[str, int] = {}
        self._filled: set[tuple[int, str]] = set()
        self._present: set[tuple[int, str]] = set()  # (image pk, field) known not to be blank
        self._collection_id: int | None = None
        self._records: dict[str, tuple[int, str]] | None = None  # attachment id → (image pk, checksum)
        # Attachment id → (new image, its record's fields): new images held by `write(hold=True)`, kept
        # once their item is written whole (see `item_written`) and saved together by `write_held`.
        self._held: dict[str, tuple[NewsImage, dict]] = {}

    def write(self, source_id, path, fields: dict, source_url: str, *, hold: bool = False) -> int | None:
        """The image for an attachment, created, updated or found unchanged; its pk.

        `hold`: a new image is stored (its file) but its row and import record are written by
        `write_held` with the others of its group, in two INSERTs instead of two each; None is
        returned for it.
        """
        # The file's content, not its size and mtime: a file copied again with a new timestamp is unchanged.
        with open(path, "rb") as handle:
            content_hash = hash_filelike(handle)
        checksum = fingerprint({**fields, "content": content_hash})
        record = self._record(source_id)
        image = NewsImage.objects.filter(pk=record[0]).first() if record else None
        if image is not None and record[1] == checksum:
            self._note_present(image)
            self.report.add("image", source_id, "unchanged", title=image.title)
            return image.pk
        created = image is None
        image = image or NewsImage(collection_id=self._root_collection_id())
        new_file = created or image.get_file_hash() != content_hash
        changed = [name for name, value in fields.items() if getattr(image, name) != value]
        if not new_file and not changed:  # same picture, same fields: only the record's checksum is stale
            self._note_present(image)
            remember(self.source, ImportKind.IMAGE, source_id, image.pk, checksum=checksum, source_url=source_url)
            self.report.add("image", source_id, "unchanged", title=image.title)
            return image.pk
        new_record = record is None
        for name in changed:
            setattr(image, name, fields[name])
        if created and hold:
            self._store(image, path, content_hash)
            record_fields = {"source_id": str(source_id)[:255], "checksum": checksum, "source_url": source_url[:1000]}
            cache_after_commit(self._held, record_fields["source_id"], (image, record_fields))
            self.report.add("image", source_id, "created", title=image.title, target=image.file.name)
            return None
        if new_file:
            old_name = "" if created else image.file.name
            self._store(image, path, content_hash)
            image.save()  # for an existing image, purges the pages showing it (images' signal handler)
            if old_name:
                self._replaced(image, old_name)
        else:
            image.save()  # a changed credit or alt text: purges the pages showing it (images' signal handler)
        remember(
            self.source, ImportKind.IMAGE, source_id, image.pk, checksum=checksum, source_url=source_url, new=new_record
        )
        cache_after_commit(self._records, str(source_id)[:255], (image.pk, checksum))
        self._note_present(image)
        self.report.add(
            "image", source_id, "created" if created else "updated", title=image.title, target=image.file.name
        )
        return image.pk

    def _record(self, source_id) -> tuple[int, str] | None:
        """(image pk, checksum) an earlier run recorded for an attachment; all read in one query at first
        use, as small tuples (a few MB for 100,000 images), instead of one query per attachment."""
        if self._records is None:
            self._records = {
                source_id: (object_id, checksum)
                for source_id, object_id, checksum in ImportRecord.objects.of(self.source, ImportKind.IMAGE)
                .order_by("pk")
                .values_list("source_id", "object_id", "checksum")
            }
        return self._records.get(str(source_id)[:255])

    def _root_collection_id(self) -> int:
        # Wagtail's default for a new image, which asks the database each time.
        if self._collection_id is None:
            self._collection_id = get_root_collection_id()
        return self._collection_id

    def _store(self, image, path, content_hash: str) -> None:
        field = image._meta.get_field("file")
        with open(path, "rb") as handle:
            # Read once, as Wagtail's image file reads them (Willow). Assigned a file, Django reads the
            # dimensions again from the stored copy, and Willow's lookups cost more than the copy.
            dimensions = willow.Image.open(handle).get_size()
            handle.seek(0)
            name = field.storage.save(
                field.generate_filename(image, path.name), File(handle, name=path.name), max_length=field.max_length
            )
            # What Wagtail's _set_image_file_metadata sets, with the hash `write` has just taken of this
            # file (the same hash_filelike) instead of reading and hashing it a second time.
            image.file_size = os.fstat(handle.fileno()).st_size
        self.created_files.append(name)
        stored = field.attr_class(image, field, name)  # stored already: saving the image writes no file
        stored._dimensions_cache = dimensions  # where Wagtail's file keeps what it read
        image.file = stored
        image.file_hash = content_hash

    def write_held(self) -> None:
        """Saves the new images `write` held, and their import records: a statement for each table.

        Each image gets the signals its own save would send (so it is cleaned as one saved alone);
        inside the caller's transaction, whose rollback takes them back with the rest.
        """
        held, self._held = list(self._held.values()), {}
        if not held:
            return
        images = [image for image, _ in held]
        using = router.db_for_write(NewsImage)
        for image in images:
            pre_save.send(NewsImage, instance=image, raw=False, using=using, update_fields=None)
        NewsImage.objects.bulk_create(images)
        for image in images:
            post_save.send(NewsImage, instance=image, created=True, raw=False, using=using, update_fields=None)
        ImportRecord.objects.bulk_create(
            ImportRecord(source=self.source, kind=ImportKind.IMAGE, object_id=image.pk, **fields)
            for image, fields in held
        )
        for image, fields in held:
            cache_after_commit(self._records, fields["source_id"], (image.pk, fields["checksum"]))
            self._note_present(image)

    @staticmethod
    def _replaced(image, old_name: str) -> None:
        """What Wagtail's image edit form does with a new file: the old renditions go (their files with
        them, once committed) and are made again from the new file; the old original is deleted once the
        new one is committed, so a run rolled back keeps the image whole and nothing is left orphaned."""
        image.renditions.all().delete()
        if old_name != image.file.name:
            storage = image.file.storage
            transaction.on_commit(lambda: storage.delete(old_name))

    def find(self, attachment_id: str = "", url: str = "") -> int | None:
        """The image imported for an attachment id or file URL; None when there is none.

        Asked only once every attachment has been written (the first pass), so the run's image records
        are read once, in one query, instead of once or twice per body image (a few MB for 100,000 images).
        """
        if self._by_id is None:
            self._by_id, self._by_url = {}, {}
            records = ImportRecord.objects.of(self.source, ImportKind.IMAGE).order_by("pk")
            for source_id, source_url, object_id in records.values_list("source_id", "source_url", "object_id"):
                self._by_id[source_id] = object_id
                self._by_url.setdefault(source_url, object_id)
        found = self._by_id.get(attachment_id) if attachment_id else None
        if found is None and url:
            found = self._by_url.get(url)
        return found

    def _note_present(self, image) -> None:
        """The alt text and credit an image written or seen this run has, so that `fill_blanks` does not
        write to it for nothing; known once committed (a rolled-back image's id may be given again)."""
        present = {(image.pk, name) for name in ("alt_text", "credit") if getattr(image, name)}
        if present:
            transaction.on_commit(lambda: self._present.update(present))

    def fill_blanks(self, pk: int, *, alt_text: str = "", credit: str = "") -> None:
        """Alt text and credit a body image carries, for an image that has none of its own.

        Once asked, an image has one (its own or this), so each image is written to at most once a run.
        """
        if alt_text and (pk, "alt_text") not in self._filled and (pk, "alt_text") not in self._present:
            self._filled.add((pk, "alt_text"))
            NewsImage.objects.filter(pk=pk, alt_text="").update(alt_text=alt_text)
        if credit and (pk, "credit") not in self._filled and (pk, "credit") not in self._present:
            self._filled.add((pk, "credit"))
            NewsImage.objects.filter(pk=pk, credit="").update(credit=credit[:120])

    def forget_filled(self) -> None:
        """After a rollback: blanks filled since may be blank again."""
        self._filled.clear()

    def forget_uncommitted(self) -> None:
        """After a batch was rolled back: what its items wrote is gone; read the records again."""
        self.forget_filled()
        self._records = None
        self._held = {}
