"""Finding a free slug: the one rule for numbering a slug that is already taken."""

from collections.abc import Callable


def unused_slug(base: str, is_taken: Callable[[str], bool]) -> str:
    """`base` if `is_taken` says it is free, else the first free one of `base-2`, `base-3`…

    `is_taken` decides what "taken" means (a set's `__contains__`, a database lookup), so the rule
    serves tags, authors, sibling pages and heading anchors alike.
    """
    slug, n = base, 2
    while is_taken(slug):
        slug, n = f"{base}-{n}", n + 1
    return slug
