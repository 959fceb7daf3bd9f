"""Who may do what with entities: the one helper every entities view calls first.

Reviewing an article's entities (confirm, reject, link one by name) goes with the right to edit that
article, so a Contributor reviews their own drafts. Changing what an entity is (its kind), creating one,
and merging duplicates are registry work: the entity permissions of the roles (editorial/roles.py).
"""

from django.core.exceptions import PermissionDenied


def can_review(user, article) -> bool:
    return user.is_active and article.permissions_for_user(user).can_edit()


def require(user, article=None, *, permission: str | None = None) -> None:
    """Refuse (403) unless `user` may review `article` and, if named, holds the entity `permission`."""
    if article is not None and not can_review(user, article):
        raise PermissionDenied("You cannot edit this article, so you cannot review its entities.")
    if permission and not user.has_perm(f"entities.{permission}"):
        raise PermissionDenied(f"Your role does not allow this ({permission.replace('_', ' ')}).")
