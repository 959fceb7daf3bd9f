from django.urls import path

from newsdesk.editorial import views

urlpatterns = [
    # Takes the place of Wagtail's own view at the same address (listed before Wagtail's URLs).
    path("_util/login/", views.ReaderLoginView.as_view(), name="wagtailcore_login"),
]
