"""The facilitator's workshop form (Flask-WTF): validated on the server. It is a GET form that
changes nothing, so it needs no CSRF token and sets no cookie."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from . import i18n
from .catalog import Catalog, vocab
from .guide import MAX_TITLE_LENGTH, clean_title


class CheckboxesField(SelectMultipleField):
    """A list of checkboxes: readable and tappable on a phone, unlike a multi-select."""
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class WorkshopForm(FlaskForm):
    class Meta:
        csrf = False  # nothing to protect: the form only builds a link

    apps = CheckboxesField(_l("Apps your group uses"),
                           validators=[DataRequired(message=_l("Choose at least one app."))])
    platform = RadioField(_l("Phones or computers"), default="")
    language = SelectField(_l("Language of the guide"))
    title = StringField(_l("Workshop title (optional)"), filters=[lambda value: clean_title(value or "")],
                        validators=[Optional(), Length(max=MAX_TITLE_LENGTH, message=_l(
                            "The workshop title can be at most %(max)s characters."))],
                        render_kw={"maxlength": MAX_TITLE_LENGTH, "autocomplete": "off"})
    submit = SubmitField(_l("Make the link"))

    def fill_choices(self, catalog: Catalog, default_language: str) -> "WorkshopForm":
        self.apps.choices = [(app.id, app.name) for app in catalog]
        self.platform.choices = [("", _l("All platforms")), *vocab.PLATFORMS.items()]
        self.language.choices = [(loc.url_code, loc.native_name) for loc in i18n.LOCALES]
        if not self.language.data:
            self.language.data = default_language
        return self
