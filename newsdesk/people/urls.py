from django.urls import path

from newsdesk.people import views

urlpatterns = [path("authors/<str:slug>/", views.author_page, name="author")]
