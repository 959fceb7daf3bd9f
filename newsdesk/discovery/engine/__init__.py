"""Newsdesk's search engine: `search(SearchQuery(...))` for the reader page, the API and the admin.

from newsdesk.discovery.engine import SearchQuery, search
results = search(SearchQuery("gwadar port", sections=("business",), sort="newest", page=2))
results.pages, results.hits, results.total, results.facets["section"], results.suggestion
"""

from newsdesk.discovery.engine.facets import FacetValue
from newsdesk.discovery.engine.query import ParsedQuery, parse_query
from newsdesk.discovery.engine.search import SearchHit, SearchQuery, SearchResults, search

__all__ = ["FacetValue", "ParsedQuery", "SearchHit", "SearchQuery", "SearchResults", "parse_query", "search"]
