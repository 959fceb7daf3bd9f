"""Facet counts over the candidates: OR within a kind, AND across kinds.

A kind's counts are taken with every other kind's choices applied and its own lifted, so choosing
"Business" still shows how many matched in "Technology" (and choosing both widens the results).
"""

from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from taggit.models import Tag

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


def failing_kinds(values: dict, chosen: dict) -> list[str]:
    """The facet kinds whose choice a candidate (its `values` by kind) does not meet."""
    return [kind for kind, wanted in chosen.items() if wanted.isdisjoint(values[kind])]


def candidate_values(candidate) -> dict:
    return {kind: values_of(candidate, kind) for kind in FACET_KINDS}


def filtered_with_counts(candidates, filters) -> tuple[list, dict[str, Counter]]:
    """The candidates that meet every choice, and per kind the values of those meeting every other kind's
    choice, in one pass."""
    chosen = chosen_sets(filters)
    if not chosen:
        # Nothing chosen (most searches): every candidate matches and counts for every kind, one pass each.
        return list(candidates), {kind: Counter(_all_values(candidates, kind)) for kind in FACET_KINDS}
    matched, counts = [], {kind: Counter() for kind in FACET_KINDS}
    for candidate in candidates:
        values = candidate_values(candidate)
        failing = failing_kinds(values, chosen)
        if not failing:
            matched.append(candidate)
            for kind in FACET_KINDS:
                counts[kind].update(values[kind])
        elif len(failing) == 1:
            counts[failing[0]].update(values[failing[0]])
    return matched, counts


def _all_values(candidates, kind: str):
    if kind in BAR_JOINED:
        attribute = BAR_JOINED[kind]
        return (slug for candidate in candidates for slug in getattr(candidate, attribute).split("|") if slug)
    return (value for candidate in candidates if (value := getattr(candidate, kind)) not in (None, ""))


def label_facets(counts: dict[str, Counter], filters) -> dict:
    """FacetValue lists, most matches first (years newest first), with labels read in one query per kind."""
    facets = {}
    for kind, counter in counts.items():
        chosen = set(getattr(filters, FACET_KINDS[kind]))
        top = [value for value, _ in counter.most_common(MAX_FACET_VALUES)]
        top += [value for value in chosen if value not in top]
        if kind == "year":
            top.sort(reverse=True)
        labels = LABELS[kind](top) if top else {}
        facets[kind] = [
            FacetValue(
                value=str(value), label=labels.get(value, str(value)), count=counter[value], selected=value in chosen
            )
            for value in top
        ]
    return facets


def section_labels(slugs) -> dict:
    model = apps.get_model("sections", "SectionPage")
    return dict(model.objects.filter(slug__in=slugs).values_list("slug", "title"))


def author_labels(slugs) -> dict:
    return dict(apps.get_model("people", "Author").objects.filter(slug__in=slugs).values_list("slug", "name"))


def tag_labels(slugs) -> dict:
    return dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name"))


def entity_labels(slugs) -> dict:
    return dict(apps.get_model("entities", "Entity").objects.filter(slug__in=slugs).values_list("slug", "name"))


def kind_labels(values) -> dict:
    return {value: label for value, label in ArticleKind.choices if value in values}


LABELS = {
    "section": section_labels,
    "kind": kind_labels,
    "author": author_labels,
    "tag": tag_labels,
    "entity": entity_labels,
    "year": lambda years: {},
}
