"""The language pipeline, loaded once per process on first use and shared by every extraction after it.

Only the named-entity recogniser runs (it has its own token-to-vector layer): the tagger, parser and
lemmatiser would more than double the time per article for nothing the extractor reads.
"""

from functools import cache

from django.conf import settings

# Components of the English pipelines that entity recognition does not need.
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


@cache
def load_pipeline():
    """The spaCy pipeline named by ENTITIES_SPACY_MODEL, an installed package (never a download)."""
    import spacy  # noqa: PLC0415  (a second of start-up that web processes which never extract don't pay)

    return spacy.load(settings.ENTITIES_SPACY_MODEL, exclude=UNUSED_COMPONENTS)
