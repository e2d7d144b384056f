"""Permission policies for records that the back office shows but never edits by hand."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody (not even a superuser) may add, change, copy or
    delete through the admin: the records are written by the application itself, with an audit
    trail where that matters."""

    FORBIDDEN = frozenset({"add", "change", "copy", "delete"})

    def user_has_permission(self, user, action):
        return action not in self.FORBIDDEN and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.FORBIDDEN]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)
