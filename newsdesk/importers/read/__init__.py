"""Reading sources into plain records (see records.py): WordPress exports and saved news pages.

Nothing here touches the database: no Django models, no Wagtail pages. The `load` package turns
the records into Newsdesk objects; keeping the two apart lets a parser be run, tested and
profiled on its own.
"""
