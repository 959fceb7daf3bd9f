from django.urls import path

from newsdesk.sections import views

urlpatterns = [path("tags/<str:slug>/", views.tag_page, name="tag")]
