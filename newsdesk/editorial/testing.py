"""Personas and form builders shared by the editorial tests: a desk with two sections, one of each role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from lxml import html
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from newsdesk.core.testing import make_article, make_author, make_section
from newsdesk.editorial import roles

PASSWORD = "correct horse battery staple 42"


def make_user(username, *groups, sections=(), **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    user.groups.add(*[section.desk.group for section in sections])
    return user


class DeskPersonas:
    """Mix into a TestCase: `cls.make_desk()` in setUpTestData gives sections, people and articles."""

    @classmethod
    def make_desk(cls):
        cls.business = make_section("Business")
        cls.technology = make_section("Technology")
        cls.author = make_author("Desk Writer")
        cls.contributor = make_user("contributor", roles.CONTRIBUTOR)
        cls.other_contributor = make_user("other_contributor", roles.CONTRIBUTOR)
        cls.editor = make_user("business_editor", roles.SECTION_EDITOR, sections=[cls.business])
        cls.chief = make_user("chief", roles.CHIEF_EDITOR)
        cls.administrator = make_user("administrator", roles.ADMINISTRATOR)

    @classmethod
    def article_by(cls, user, section, *, publish=False, **fields):
        article = make_article(section, authors=[cls.author], publish=False, owner=user, **fields)
        if publish:
            article.save_revision(user=user).publish()
            article.refresh_from_db()
        return article


def article_form_data(article=None, *, author, title=None, corrections=(), **extra):
    """POST data for the article add/edit form, as the admin's browser would send it."""
    data = {
        "title": title or (article.title if article else "A headline"),
        "slug": article.slug if article else "a-headline",
        "standfirst": article.standfirst if article else "What happened, in one sentence.",
        "kind": "news",
        "dateline": "",
        "hero_caption": "",
        "body": streamfield([]),
        "tags": "",
        "teaser": "",
        "seo_title": "",
        "search_description": "",
        "bylines": inline_formset([{"author": author.pk}]),
        "corrections": inline_formset(list(corrections)),
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


ERRORS = (
    "//*[contains(@class, 'error-message') or contains(@class, 'help-critical')]"
    " | //*[contains(@class, 'messages')]//*[contains(@class, 'error')]"
)


def form_errors(response) -> str:
    """The error messages an admin form response shows, as text."""
    tree = html.fromstring(response.content)
    return " ".join(" ".join(el.itertext()) for el in tree.xpath(ERRORS))
