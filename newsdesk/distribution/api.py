"""The read API for partners and decoupled front ends, mounted at /api/v1/.

Built on django-ninja with Wagtail API v3's conventions (problem+json errors, limit/offset envelope,
rich text through `APIRichText`), but with its own endpoints: partners need the published articles
filtered by section, author, tag, kind and date, which Wagtail's generic page endpoints do not offer,
and a too-large page size is clamped and reported rather than refused.
"""

import datetime
import re
from typing import Annotated, Literal

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.rich_text import RichTextFormatError
from wagtail.api.v3.errors import (
    PROBLEM_JSON,
    ProblemDetail,
    problem_response,
    register_exception_handlers,
)

from newsdesk.articles.models import ArticleKind, ArticlePage
from newsdesk.discovery.engine import search
from newsdesk.discovery.engine.query import MAX_QUERY_LENGTH
from newsdesk.discovery.engine.search import SORTS
from newsdesk.discovery.params import search_query
from newsdesk.distribution import serializers
from newsdesk.distribution.published import published_sections
from newsdesk.distribution.serializers import BadParameter
from newsdesk.entities.models import Entity
from newsdesk.people.models import Author

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Ids, offsets and page sizes are 64-bit in the database; a larger number is refused before any query.
LARGEST_NUMBER = 2**63 - 1
# What every endpoint may answer besides 200; both bodies are RFC 9457 problem details.
PROBLEMS = {400: ProblemDetail, 404: ProblemDetail}


class ReadApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Ninja's document, with the error responses declared as the problem+json they are."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation["responses"].items():
                    if int(status) in PROBLEMS and "application/json" in response.get("content", {}):
                        response["content"] = {PROBLEM_JSON: response["content"].pop("application/json")}
        return schema


api = ReadApi(
    title="Newsdesk read API",
    version="1",
    description="Published articles, sections, authors, images and the entities articles name, "
    "and search over the articles. "
    "Read-only; no authentication.",
    urls_namespace="distribution:api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
register_exception_handlers(api)


@api.exception_handler(BadParameter)
def bad_parameter(request, exc: BadParameter):
    return problem_response(status=400, detail=exc.message, errors=[{"parameter": exc.parameter, "msg": exc.message}])


@api.exception_handler(NinjaValidationError)
def bad_query(request, exc: NinjaValidationError):
    # A malformed query string is the client's mistake (400), named parameter by parameter.
    # A list item's location ends with its index (("query", "year", 0)): name the parameter, not the index.
    errors = [
        {
            "parameter": next((p for p in reversed(error.get("loc", [])) if isinstance(p, str)), "?"),
            "msg": error.get("msg", ""),
        }
        for error in exc.errors
    ]
    names = ", ".join(error["parameter"] for error in errors)
    return problem_response(status=400, detail=f"Invalid value for: {names}", errors=errors)


@api.exception_handler(RichTextFormatError)
def bad_rich_text_format(request, exc: RichTextFormatError):
    return problem_response(status=400, detail=str(exc), errors=[{"parameter": "rich_text_format", "msg": str(exc)}])


def endpoint_not_found(request, rest=""):
    """Any address under /api/v1/ that names no endpoint: a problem, like every other API error."""
    detail = f"No endpoint at {request.path}. The endpoints are listed at /api/v1/docs/."
    return problem_response(status=404, detail=detail)


# -- schemas (what the OpenAPI document promises) ----------------------------------------------


class ImageOut(Schema):
    id: int
    title: str
    url: str
    width: int
    height: int
    alt_text: str
    credit: str
    licence: str
    source_url: str
    caption: str
    crops: dict[str, str]


class AuthorOut(Schema):
    slug: str
    name: str
    kind: str
    role: str
    bio: str
    url: str
    feeds: dict[str, str]


class SectionOut(Schema):
    id: int
    slug: str
    title: str
    description: str
    url: str
    feeds: dict[str, str]


class ArticleSummaryOut(Schema):
    id: int
    url: str
    headline: str
    standfirst: str
    teaser: str
    kind: str
    section: SectionOut | None
    authors: list[AuthorOut]
    tags: list[dict[str, str]]
    published_at: str
    modified_at: str
    hero_image: ImageOut | None
    ninjs_url: str


class ArticleOut(ArticleSummaryOut):
    dateline: str
    body: list[dict]
    corrections: list[dict[str, str]]


class EntityOut(Schema):
    slug: str
    name: str
    kind: str
    description: str
    same_as: list[str]
    url: str
    article_count: int
    feeds: dict[str, str]


class EntityDetailOut(EntityOut):
    aliases: list[str]


class Page(Schema):
    count: int
    limit: int
    offset: int
    notices: list[str]
    next: str | None
    previous: str | None


class ArticleList(Page):
    items: list[ArticleSummaryOut]


class SectionList(Page):
    items: list[SectionOut]


class AuthorList(Page):
    items: list[AuthorOut]


class ImageList(Page):
    items: list[ImageOut]


class EntityList(Page):
    items: list[EntityOut]


class Options(Schema):
    rich_text_format: Literal["db_html", "html", "db_markdown", "markdown"] | None = Field(
        None,
        description="How rich text in article bodies is written: Wagtail's stored HTML (db_html, the default), "
        "display HTML (html), or Markdown with internal links as wagtail:// (db_markdown) "
        "or as public URLs (markdown).",
    )


class Paging(Options):
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=LARGEST_NUMBER,
        json_schema_extra={"maximum": MAX_LIMIT},
        description=f"Items per page; a larger value is answered with {MAX_LIMIT} and a notice.",
    )
    offset: int = Field(0, ge=0, le=LARGEST_NUMBER, description="Items to skip.")


MOMENT = {
    "description": "A date (YYYY-MM-DD, covering the whole day) or an ISO 8601 date-time with its offset.",
    "json_schema_extra": {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]},
}


class ArticleFilters(Paging):
    section: str | None = Field(None, description="A section's slug.")
    author: str | None = Field(None, description="An author's or desk's slug.")
    tag: str | None = Field(None, description="A tag's slug.")
    entity: str | None = Field(None, description="An entity's slug (see /api/v1/entities/).")
    kind: Literal[tuple(ArticleKind.values)] | None = None
    published_after: str | None = Field(None, **MOMENT)
    published_before: str | None = Field(None, **MOMENT)


class SearchFilters(Schema):
    q: str = Field(
        ...,
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        description='The words to find, all of them; "exact phrase" in quotes; -word to leave a word out.',
    )
    section: list[str] = Field([], description="Section slugs; repeat the parameter to match any of them.")
    kind: list[Literal[tuple(ArticleKind.values)]] = Field([], description="Kinds; repeat to match any of them.")
    author: list[str] = Field([], description="Author or desk slugs; repeat to match any of them.")
    tag: list[str] = Field([], description="Tag slugs; repeat to match any of them.")
    entity: list[str] = Field([], description="Entity slugs (see /api/v1/entities/); repeat to match any of them.")
    year: list[Annotated[int, Field(ge=1000, le=9999)]] = Field(
        [], description="Years of first publication (four digits); repeat to match any of them."
    )
    sort: Literal[SORTS] = Field(SORTS[0], description="relevance (headline and recency count) or newest first.")
    page: int = Field(1, ge=1, le=LARGEST_NUMBER, description="Page of results; a page past the last is empty.")
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=LARGEST_NUMBER,
        json_schema_extra={"maximum": MAX_LIMIT},
        description=f"Results per page; a larger value is answered with {MAX_LIMIT} and a notice.",
    )


class FacetValueOut(Schema):
    value: str
    label: str
    count: int = Field(..., description="Matching articles with this value, the other facets' choices applied.")
    selected: bool


class SearchHitOut(ArticleSummaryOut):
    snippet: str = Field(
        ...,
        description="An extract of the body as HTML: text escaped, the matched words in <mark> elements.",
    )


class SearchResultsOut(Schema):
    query: str
    count: int = Field(..., description="Matching articles; a lower bound when count_is_lower_bound is true.")
    count_is_lower_bound: bool
    page: int
    num_pages: int
    limit: int
    notices: list[str]
    next: str | None
    previous: str | None
    suggestion: str | None = Field(..., description="A respelling of the words that finds more, if any.")
    facets: dict[str, list[FacetValueOut]] = Field(..., description="section, kind, author, tag, entity and year.")
    items: list[SearchHitOut]


def Id(description: str):
    return Path(..., ge=1, le=LARGEST_NUMBER, description=description)


# -- endpoints ---------------------------------------------------------------------------------


@api.get(
    "/articles/", response={200: ArticleList, **PROBLEMS}, summary="Published articles, newest first", tags=["articles"]
)
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]):
    _refuse_unknown(request, ArticleFilters)
    articles = serializers.filter_articles(ArticlePage.objects.published().recent(), **_article_filters(filters))
    articles = serializers.with_crops(articles.for_listing(), "hero_image__")
    return _page(request, articles, filters, serializers.ArticleSerializer(request).summaries)


@api.get(
    "/articles/{article_id}/",
    response={200: ArticleOut, **PROBLEMS},
    summary="One article with its body as blocks",
    tags=["articles"],
)
def get_article(request: HttpRequest, options: Query[Options], article_id: int = Id("The article's page id.")):
    _refuse_unknown(request, Options)
    article = ArticlePage.objects.published().for_listing().filter(pk=article_id).first()
    if article is None:
        raise Http404("No published article with this id.")
    return serializers.ArticleSerializer(request).detail(article)


@api.get(
    "/sections/", response={200: SectionList, **PROBLEMS}, summary="Sections of the publication", tags=["sections"]
)
def list_sections(request: HttpRequest, paging: Query[Paging]):
    _refuse_unknown(request, Paging)
    return _page(request, published_sections(), paging, serializers.ArticleSerializer(request).sections)


@api.get("/sections/{slug}/", response={200: SectionOut, **PROBLEMS}, summary="One section", tags=["sections"])
def get_section(request: HttpRequest, slug: str, options: Query[Options]):
    _refuse_unknown(request, Options)
    section = published_sections().filter(slug=slug).first()
    if section is None:
        raise Http404("No such section.")
    return serializers.ArticleSerializer(request).sections([section])[0]


@api.get(
    "/authors/", response={200: AuthorList, **PROBLEMS}, summary="People and desks that sign articles", tags=["authors"]
)
def list_authors(request: HttpRequest, paging: Query[Paging]):
    _refuse_unknown(request, Paging)
    return _page(request, Author.objects.order_by("name", "pk"), paging, serializers.ArticleSerializer(request).authors)


@api.get("/authors/{slug}/", response={200: AuthorOut, **PROBLEMS}, summary="One author or desk", tags=["authors"])
def get_author(request: HttpRequest, slug: str, options: Query[Options]):
    _refuse_unknown(request, Options)
    author = Author.objects.filter(slug=slug).first()
    if author is None:
        raise Http404("No such author.")
    return serializers.ArticleSerializer(request).authors([author])[0]


@api.get(
    "/images/", response={200: ImageList, **PROBLEMS}, summary="Lead images of published articles", tags=["images"]
)
def list_images(request: HttpRequest, paging: Query[Paging]):
    _refuse_unknown(request, Paging)
    return _page(
        request,
        serializers.with_crops(serializers.published_images().order_by("pk"), ""),
        paging,
        serializers.ArticleSerializer(request).images,
    )


@api.get(
    "/images/{image_id}/",
    response={200: ImageOut, **PROBLEMS},
    summary="One image with its credit and crops",
    tags=["images"],
)
def get_image(request: HttpRequest, options: Query[Options], image_id: int = Id("The image's id.")):
    _refuse_unknown(request, Options)
    image = serializers.published_images().filter(pk=image_id).first()
    if image is None:
        raise Http404("No published image with this id.")
    return serializers.ArticleSerializer(request).images([image])[0]


@api.get(
    "/search/",
    response={200: SearchResultsOut, **PROBLEMS},
    summary="Search published articles, with facets and highlighted snippets",
    tags=["search"],
)
def search_articles(request: HttpRequest, filters: Query[SearchFilters]):
    _refuse_unknown(request, SearchFilters)
    limit, notices = _clamped(filters.limit)
    results = search(search_query(request.GET, per_page=limit))
    query = results.query
    return {
        "query": query.text,
        "count": results.total,
        "count_is_lower_bound": results.total_is_capped or results.newest_only,
        "page": filters.page,
        "num_pages": results.num_pages,
        "limit": limit,
        "notices": notices,
        "next": _search_neighbour(request, filters.page + 1) if results.has_next else None,
        "previous": _search_neighbour(request, filters.page - 1) if results.has_previous else None,
        "suggestion": results.suggestion,
        "facets": {kind: [vars(value) for value in values] for kind, values in results.facets.items()},
        "items": _search_hits(request, results),
    }


@api.get(
    "/entities/",
    response={200: EntityList, **PROBLEMS},
    summary="People, places, organisations and other entities named in published articles, by name",
    tags=["entities"],
)
def list_entities(request: HttpRequest, paging: Query[Paging]):
    _refuse_unknown(request, Paging)
    entities = Entity.objects.with_published_articles().order_by("name", "pk")
    return _page(request, entities, paging, serializers.ArticleSerializer(request).entities)


@api.get(
    "/entities/{slug}/",
    response={200: EntityDetailOut, **PROBLEMS},
    summary="One entity with its other names",
    tags=["entities"],
)
def get_entity(request: HttpRequest, slug: str, options: Query[Options]):
    _refuse_unknown(request, Options)
    entity = Entity.objects.with_published_articles().filter(slug=slug).prefetch_related("aliases").first()
    if entity is None:
        raise Http404("No entity with this slug is named in a published article.")
    return serializers.ArticleSerializer(request).entity_detail(entity)


# -- helpers -----------------------------------------------------------------------------------


def _refuse_unknown(request, schema) -> None:
    # A misspelt filter would silently return everything; say so instead.
    allowed = set(schema.model_fields)
    for name in request.GET:
        if name not in allowed:
            raise BadParameter(name, f"Unknown parameter {name!r}. Allowed: {', '.join(sorted(allowed))}.")


def _article_filters(filters: ArticleFilters) -> dict:
    return {
        "section": filters.section,
        "author": filters.author,
        "tag": filters.tag,
        "entity": filters.entity,
        "kind": filters.kind,
        "published_after": _moment("published_after", filters.published_after, end_of_day=False),
        "published_before": _moment("published_before", filters.published_before, end_of_day=True),
    }


def _moment(name: str, raw: str | None, *, end_of_day: bool):
    """A date (YYYY-MM-DD) or ISO 8601 date-time; dates cover the whole day."""
    if not raw:
        return None
    refused = BadParameter(name, f"{name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time, not {raw!r}.")
    if not MOMENT_FORMAT.match(raw):
        raise refused  # Python's parser also reads compact forms ("1111111111…" as 1111-11-11 11:11)
    try:
        moment = parse_datetime(raw)
        day = None if moment else parse_date(raw)
    except ValueError:
        moment = day = None
    if moment is None and day is None:
        raise refused
    if moment is None:
        moment = datetime.datetime.combine(day, datetime.time.max if end_of_day else datetime.time.min)
    try:
        moment = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
        moment.astimezone(datetime.UTC)  # what the database is given: 0001-01-01T00:00+14:00 is before year 1
    except (OverflowError, ValueError):
        raise BadParameter(name, f"{name} {raw!r} is outside the dates this API can compare.") from None
    return moment


MOMENT_FORMAT = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)


def _clamped(limit: int) -> tuple[int, list[str]]:
    """The page size served, and the notice that says so when it is below the one asked for."""
    if limit > MAX_LIMIT:
        return MAX_LIMIT, [
            f"limit {limit} is above the maximum of {MAX_LIMIT}; {MAX_LIMIT} items per page are returned."
        ]
    return limit, []


def _page(request, queryset, paging: Paging, serialize) -> dict:
    limit, notices = _clamped(paging.limit)
    count = queryset.count()
    rows = list(queryset[paging.offset : paging.offset + limit]) if paging.offset < count else []
    return {
        "count": count,
        "limit": limit,
        "offset": paging.offset,
        "notices": notices,
        "next": _neighbour(request, limit, paging.offset + limit) if paging.offset + limit < count else None,
        "previous": _neighbour(request, limit, max(paging.offset - limit, 0)) if paging.offset > 0 else None,
        "items": serialize(rows),
    }


def _search_hits(request, results) -> list[dict]:
    """The hits as the list endpoint's summaries, in rank order, each with its snippet."""
    snippets = {hit.page_id: str(hit.snippet) for hit in results.hits}
    articles = ArticlePage.objects.published().filter(pk__in=list(snippets)).for_listing()
    by_id = {article.pk: article for article in serializers.with_crops(articles, "hero_image__")}
    ordered = [by_id[page_id] for page_id in snippets if page_id in by_id]
    summaries = serializers.ArticleSerializer(request).summaries(ordered)
    return [{**summary, "snippet": snippets[summary["id"]]} for summary in summaries]


def _search_neighbour(request, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _neighbour(request, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query["limit"] = str(limit)
    query["offset"] = str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
