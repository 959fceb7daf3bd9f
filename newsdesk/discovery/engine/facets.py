"""Facet counts over the candidates: OR within a kind, AND across kinds.

A kind's counts are taken with every other kind's choices applied and its own lifted, so choosing
"Business" still shows how many matched in "Technology" (and choosing both widens the results).
"""

from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.db import connection

from newsdesk.articles.models import ArticleKind

FACET_KINDS = {
    "section": "sections",
    "kind": "kinds",
    "author": "authors",
    "tag": "tags",
    "entity": "entities",
    "year": "years",
}
# Facets whose candidate column holds bar-joined slugs, by the column's name.
BAR_JOINED = {"author": "authors", "tag": "tags", "entity": "entities"}
MAX_FACET_VALUES = 20


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def values_of(candidate, kind: str) -> list:
    """The values a candidate has for one facet kind (authors, tags and entities are bar-joined slugs)."""
    if kind in BAR_JOINED:
        return [slug for slug in getattr(candidate, BAR_JOINED[kind]).split("|") if slug]
    value = getattr(candidate, kind)
    return [value] if value not in (None, "") else []


def chosen_sets(filters) -> dict[str, set]:
    return {
        kind: set(getattr(filters, attribute)) for kind, attribute in FACET_KINDS.items() if getattr(filters, attribute)
    }


def filtered_with_counts(candidates, filters) -> tuple[list, dict[str, Counter]]:
    """The candidates that meet every choice, and per kind the values of those meeting every other kind's
    choice, in one pass."""
    chosen = chosen_sets(filters)
    if not chosen:
        # Nothing chosen (most searches): every candidate matches and counts for every kind, one pass each.
        return list(candidates), {kind: Counter(_all_values(candidates, kind)) for kind in FACET_KINDS}
    # A page 50 under a facet carries 2,000 candidates: values are read only where they count, and gathered
    # into one list per kind to be counted at the end.
    matched, counted = [], {kind: [] for kind in FACET_KINDS}
    for candidate in candidates:
        failing = None
        for kind, wanted in chosen.items():
            values = values_of(candidate, kind)
            if wanted.isdisjoint(values):
                if failing is not None:
                    break  # fails two kinds: counts for none
                failing, failing_values = kind, values
        else:
            if failing is None:
                matched.append(candidate)
                for kind, values in counted.items():
                    values.extend(values_of(candidate, kind))
            else:
                counted[failing].extend(failing_values)
    return matched, {kind: Counter(values) for kind, values in counted.items()}


def _all_values(candidates, kind: str):
    if kind in BAR_JOINED:
        attribute = BAR_JOINED[kind]
        return (slug for candidate in candidates for slug in getattr(candidate, attribute).split("|") if slug)
    return (value for candidate in candidates if (value := getattr(candidate, kind)) not in (None, ""))


def label_facets(counts: dict[str, Counter], filters) -> dict:
    """FacetValue lists, most matches first (years newest first), with every kind's labels read in one query."""
    shown = {}
    for kind, counter in counts.items():
        chosen = set(getattr(filters, FACET_KINDS[kind]))
        top = [value for value, _ in counter.most_common(MAX_FACET_VALUES)]
        top += [value for value in chosen if value not in top]
        if kind == "year":
            top.sort(reverse=True)
        shown[kind] = (top, chosen)
    labels = read_labels({kind: top for kind, (top, _) in shown.items()})
    return {
        kind: [
            FacetValue(
                value=str(value),
                label=labels.get((kind, value), str(value)),
                count=counts[kind][value],
                selected=value in chosen,
            )
            for value in top
        ]
        for kind, (top, chosen) in shown.items()
    }


def read_labels(values_by_kind: dict[str, list]) -> dict[tuple[str, object], str]:
    """{(kind, slug): label} for the slugs shown, in one statement (a search shows four kinds of labels, and
    a query each cost more than reading them)."""
    labels = {("kind", value): label for value, label in ArticleKind.choices if value in values_by_kind.get("kind", ())}
    parts, params = [], []
    for kind, statement in LABEL_STATEMENTS.items():
        slugs = [value for value in values_by_kind.get(kind, ()) if isinstance(value, str)]
        if slugs:
            parts.append(statement().replace("%(slugs)s", ", ".join(["%s"] * len(slugs))))
            params += slugs
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            labels.update({(kind, slug): label for kind, slug, label in cursor.fetchall()})
    return labels


def _table(label: str) -> str:
    return connection.ops.quote_name(apps.get_model(label)._meta.db_table)


# One SELECT per kind of (kind, slug, label); %(slugs)s becomes the placeholders. Sections are pages:
# their slug and title are on Wagtail's page table.
LABEL_STATEMENTS = {
    "section": lambda: (
        f"SELECT 'section', p.slug, p.title FROM {_table('sections.SectionPage')} s "
        f"JOIN {_table('wagtailcore.Page')} p ON p.id = s.page_ptr_id WHERE p.slug IN (%(slugs)s)"
    ),
    "author": lambda: f"SELECT 'author', slug, name FROM {_table('people.Author')} WHERE slug IN (%(slugs)s)",
    "tag": lambda: f"SELECT 'tag', slug, name FROM {_table('taggit.Tag')} WHERE slug IN (%(slugs)s)",
    "entity": lambda: f"SELECT 'entity', slug, name FROM {_table('entities.Entity')} WHERE slug IN (%(slugs)s)",
}
