"""WordPress users and guest authors become Authors."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

from newsdesk.importers.load.import_records import cache_after_commit, fingerprint, remember
from newsdesk.importers.models import ImportKind, ImportRecord
from newsdesk.people.models import Author


class AuthorWriter:
    def __init__(self, source: str, report):
        self.source, self.report = source, report
        self._by_login: dict[str, int] = {}

    def write(self, record) -> int:
        login = record.login or record.display_name
        checksum = fingerprint(record.__dict__)
        existing = ImportRecord.objects.of(self.source, ImportKind.AUTHOR).filter(source_id=login).first()
        author = Author.objects.filter(pk=existing.object_id).first() if existing else None
        if author is not None and existing.checksum == checksum:
            self.report.add("author", login, "unchanged", target=author.slug)
            cache_after_commit(self._by_login, login, author.pk)
            return author.pk
        slug = slugify(login, allow_unicode=True) or slugify(record.display_name, allow_unicode=True) or "author"
        if author is None:
            author = Author.objects.filter(slug=slug).first() or Author(slug=slug)
        created = author.pk is None
        author.name = record.display_name[:120] or login
        author.email = self._email(record)
        if record.bio:
            author.bio = record.bio[:600]
        author.save()
        remember(self.source, ImportKind.AUTHOR, login, author.pk, checksum=checksum)
        self.report.add("author", login, "created" if created else "updated", title=author.name, target=author.slug)
        cache_after_commit(self._by_login, login, author.pk)
        return author.pk

    def _email(self, record) -> str:
        try:
            validate_email(record.email)
        except ValidationError:
            if record.email:
                self.report.add("author", record.login, "changed", f"email {record.email!r} is not valid; not kept")
            return ""
        return record.email

    def forget_uncommitted(self) -> None:
        """After a batch was rolled back: authors its items made are gone."""
        self._by_login.clear()

    def find(self, login: str) -> int | None:
        if login not in self._by_login:
            found = ImportRecord.objects.object_id_for(self.source, ImportKind.AUTHOR, login)
            if found is None:
                return None
            cache_after_commit(self._by_login, login, found)
            return found
        return self._by_login[login]

    def stand_in(self, login: str) -> int:
        """An author the export names on a post but does not list: made from the login."""
        slug = slugify(login, allow_unicode=True) or "author"
        author, created = Author.objects.get_or_create(slug=slug, defaults={"name": login})
        remember(self.source, ImportKind.AUTHOR, login, author.pk, checksum="stand-in")
        if created:
            self.report.add("author", login, "created", "not in the export's author list; made from the login name")
        cache_after_commit(self._by_login, login, author.pk)
        return author.pk
