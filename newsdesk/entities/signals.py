"""The entities room's own signal, for what bulk writes do without Django's model signals."""

from django.dispatch import Signal

# Sent once per article by linking.save_links when what readers see of its links changed (a link began or
# stopped showing, or changed role), in place of a save signal per link; inside the transaction that wrote
# them. Arguments: article_id, entity_ids (the entities whose links changed).
links_shown_changed = Signal()
