from django.urls import path

from newsdesk.people import views

urlpatterns = [path("authors/<slug:slug>/", views.author_page, name="author")]
