"""Writing plain records (see `read.records`) as Newsdesk objects, idempotently.

The only part of the importers that touches the database, Wagtail's page tree and treebeard. Each
writer finds what an earlier run made through `ImportRecord` (keyed on the source's own id) and
updates it; callers wrap each item in its own transaction.
"""
