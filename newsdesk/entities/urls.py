from django.urls import path

from newsdesk.entities import views

# Under the admin (registered through wagtail_hooks), so the admin's login, 2FA and CSRF rules apply.
urlpatterns = [
    path("entities/article/<id:article_id>/", views.article_entities, name="entities_article"),
    path("entities/article/<id:article_id>/add/", views.add_entity, name="entities_add"),
    path("entities/article/<id:article_id>/links/<id:link_id>/", views.link_action, name="entities_link"),
    path("entities/entity/<id:entity_id>/merge/", views.merge_entity, name="entities_merge"),
]
