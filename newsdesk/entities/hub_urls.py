from django.urls import path

from newsdesk.entities import hub_views

urlpatterns = [path("topics/<str:slug>/", hub_views.hub_page, name="entity_hub")]
