from django.urls import path

from newsdesk.discovery import views

urlpatterns = [path("search/", views.search_view, name="search")]
