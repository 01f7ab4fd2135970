# English messages of the case API (`src/service/i18n.rs`): the texts the variants declare
# (`src/service/cases.rs`), as the model a translation starts from. English is the
# declared language: a code missing here answers with its declared text. A message's id is
# the error's code, its `.title` the title; `violation-<code>` is a violation's message.

not_found = case { $id } not found
duplicate_name = A case with this name already exists.
invalid = The case is invalid. See `errors` for details.
unauthorized = A valid bearer token is required.
rate_limited = Too many exports. Retry in { $retry_after } seconds.
no_route = No route matches this path.
