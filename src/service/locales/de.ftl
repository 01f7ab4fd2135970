# German messages of the case API (`src/service/i18n.rs`). A message's id is the error's
# code, its `.title` the title; `violation-<code>` is a violation's message. The arguments
# are what each variant offers: its `#[message]`'s fields and its exposed ones.

not_found = Der Fall { $id } wurde nicht gefunden.
    .title = Nicht gefunden
duplicate_name = Ein Fall mit diesem Namen existiert bereits.
    .title = Konflikt
invalid = Der Fall ist ungültig. Einzelheiten stehen unter `errors`.
    .title = Ungültige Anfrage
unauthorized = Ein gültiges Bearer-Token ist erforderlich.
    .title = Nicht autorisiert
rate_limited = { $retry_after ->
    [one] Zu viele Exporte. Bitte in einer Sekunde erneut versuchen.
   *[other] Zu viele Exporte. Bitte in { $retry_after } Sekunden erneut versuchen.
}
    .title = Zu viele Anfragen
database =
    .title = Interner Serverfehler
no_route = Kein Pfad passt zu dieser Anfrage.
    .title = Nicht gefunden

# The framework's rejections (`apifault::Rejection`).
invalid_json = Der Anfragekörper ist kein gültiges JSON.
invalid_body = Der Anfragekörper hat nicht die erwartete Form.
unsupported_media_type = Der `Content-Type` des Anfragekörpers ist nicht der erwartete.
payload_too_large = Der Anfragekörper überschreitet die Größenbeschränkung.
unreadable_body = Der Anfragekörper konnte nicht gelesen werden.
invalid_path = Ein Pfadparameter ist ungültig.
invalid_query = Die Abfragezeichenfolge ist ungültig.
invalid_form = Das Formular ist ungültig.
unknown_route = Kein Pfad passt zu dieser Anfrage.
method_not_allowed = Dieser Pfad unterstützt die Methode nicht; `Allow` nennt die unterstützten.
request_timeout = Die Anfrage hat länger gedauert, als der Dienst erlaubt.
client_error = Die Anfrage ist fehlerhaft.

# Violations, by their codes.
violation-blank = darf nicht leer sein
violation-too_long = darf höchstens 80 Zeichen lang sein
violation-out_of_range = muss zwischen 1 und 5 liegen
violation-invalid_type = hat den falschen Typ
violation-invalid_value = hat einen ungültigen Wert
violation-invalid_length = hat eine ungültige Länge
violation-unknown_variant = ist kein erlaubter Wert
violation-unknown_field = ist nicht erlaubt
violation-missing_field = ist erforderlich
violation-duplicate_field = ist mehrfach angegeben
