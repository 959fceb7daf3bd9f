"""The admin's page search over the search engine: articles (drafts the editor may see included) from the
engine, then other pages (sections, standard pages) from Wagtail's own search. newsdesk/urls.py routes
the admin's search addresses to editorial's page_search with ArticleSearchView.

The listing's paginator asks for a count and then one slice; the engine answers that slice's page
with one search, so page 40 of an editor's results costs what page 1 does.
"""

from django.db.models import Case, IntegerField, When
from wagtail.admin.views.pages.search import SearchView, page_filter_search
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.engine import SearchQuery, search
from newsdesk.discovery.links import SearchLinks
from newsdesk.discovery.params import search_query
from newsdesk.editorial.drafts import without_others_drafts
from newsdesk.editorial.views import PageSearchView


class EditorResults:
    """A sequence for Django's paginator: `len()` and slices, articles first, other pages after."""

    supports_facet = False  # the engine's facets are given by parameters (section=, kind=…), not Wagtail's list

    def __init__(self, params, editor, *, per_page: int, load, others):
        self.params, self.editor, self.per_page = params, editor, per_page
        self.load = load  # ids -> annotated admin pages (the listing's own queryset, in any order)
        self.others = others  # Wagtail's search results over the non-article pages
        self._results = {}
        self.articles = self._search(1).total

    def _search(self, page: int):
        if page not in self._results:
            self._results[page] = search(SearchQuery(**{**self.query.__dict__, "page": page}))
        return self._results[page]

    @property
    def query(self) -> SearchQuery:
        return search_query(self.params, per_page=self.per_page, editor=self.editor)

    def facet_groups(self):
        """The engine's facets as the reader page lists them, each a link that adds or removes it."""
        return SearchLinks(self.query).facet_groups(self._search(1).facets)

    def __len__(self) -> int:
        return self.articles + len(self.others)

    def count(self) -> int:
        return len(self)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        items = []
        if start < self.articles:
            page = start // self.per_page + 1
            ids = [hit.page_id for hit in self._search(page).hits]
            first = start - (page - 1) * self.per_page
            items += self._ordered(ids[first : first + stop - start])
        if stop > self.articles:
            items += list(self.others[max(start - self.articles, 0) : stop - self.articles])
        return items

    def __iter__(self):
        return iter(self[0 : len(self)])

    def _ordered(self, ids):
        if not ids:
            return []
        order = Case(*[When(pk=pk, then=position) for position, pk in enumerate(ids)], output_field=IntegerField())
        return list(self.load(ids).order_by(order))


class ArticleSearchView(PageSearchView):
    """Words searched: articles come from the site's search engine (phrases, -exclusions, body text,
    the section=/kind=/author=/tag=/entity=/year= filters of the reader page), other pages from Wagtail's.
    An explicit column ordering or a page-type filter keeps Wagtail's own search."""

    results_template_name = "discovery/admin_search_results.html"

    def get_queryset(self):
        if not self.search_query or self.ordering or self.selected_content_type:
            return super().get_queryset()
        user = self.request.user
        explorable = self.permission_policy.explorable_instances(user).values_list("pk", flat=True)
        listed = without_others_drafts(Page.objects.filter(pk__in=explorable), user)
        self.all_pages = EditorResults(
            self.request.GET,
            user,
            per_page=self.paginate_by,
            # Wagtail's annotations only: `listed` is already narrowed to what this editor may see.
            load=lambda ids: SearchView.annotate_queryset(self, listed.filter(pk__in=ids)),
            others=page_filter_search(self.search_query, listed.not_type(ArticlePage))[0],
        )
        return self.all_pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if isinstance(self.all_pages, EditorResults):
            context["article_facets"] = self.all_pages.facet_groups()
        return context
