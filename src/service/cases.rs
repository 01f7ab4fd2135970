//! The domain of the example services: cases, their store, and the one error enum every
//! route answers with. Framework-free: the axum service ([`super::app`]) and the actix-web
//! one ([`super::actix_app`]) wire the same code.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use apifault::{ApiError, FieldViolation};
use serde::{Deserialize, Serialize};

/// Everything that can go wrong in the case API. Each variant shows one feature.
///
/// Over gRPC (`super::grpc`) the same enum answers with Google's rich error model: the
/// codes become `ErrorInfo` reasons in the `cases.example.com` domain, and a taken name is
/// `ALREADY_EXISTS` rather than the 409's default `ABORTED`.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    type_base = "https://docs.example.com/errors/",
    grpc_domain = "cases.example.com",
    grpc_codes(409 = ALREADY_EXISTS)
)]
pub enum CaseError {
    /// No case has this id.
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        /// Exposed: clients see which id was missing.
        #[api_error(expose)]
        id: u64,
    },

    /// A case with this name exists already.
    #[error("a case named {name:?} already exists")]
    #[status(409)]
    #[code("duplicate_name")]
    #[message("A case with this name already exists.")]
    Duplicate {
        /// Exposed: the name that clashed.
        #[api_error(expose)]
        name: String,
    },

    /// The new case failed validation; `errors` says where.
    #[error("invalid case")]
    #[status(400)]
    #[message("The case is invalid. See `errors` for details.")]
    Invalid {
        /// One item per field at fault.
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// The request has no valid bearer token.
    #[error("missing or invalid bearer token")]
    #[status(401)]
    #[message("A valid bearer token is required.")]
    #[api_error(header("WWW-Authenticate" = "Bearer realm=\"cases\""))]
    Unauthorized,

    /// The export quota is used up for now.
    #[error("export rate limited for {retry_after} s")]
    #[status(TOO_MANY_REQUESTS)]
    #[message("Too many exports. Retry in {retry_after} seconds.")]
    #[api_error(header("Retry-After" = "{retry_after}"))]
    RateLimited {
        /// Seconds until the next export is allowed.
        retry_after: u32,
    },

    /// The database failed. Its error, with the connection string in it, goes to the log
    /// only: a 5xx without `#[message]` shows no text at all.
    #[error("database unavailable")]
    #[status(500)]
    Database(#[source] std::io::Error),

    /// No route matches the request.
    #[error("no route")]
    #[status(404)]
    #[message("No route matches this path.")]
    NoRoute,

    /// The framework's extractor rejections and bare responses (bad JSON, an unparsable
    /// path or query, a wrong method, a timeout), on axum and actix-web alike, in the same
    /// format and with this enum's `type_base`.
    #[error(transparent)]
    #[api_error(transparent)]
    Rejected(#[from] apifault::axum::Rejection),
}

/// A case as the API returns it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Case {
    /// Assigned by the store.
    pub id: u64,
    /// Unique, case-insensitively.
    pub name: String,
    /// 1 (highest) to 5.
    pub priority: u8,
}

/// The body of `POST /cases`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewCase {
    /// Not blank, at most 80 characters.
    pub name: String,
    /// 1 to 5.
    pub priority: i64,
}

/// The query of `GET /cases?limit=20&order=newest`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListCases {
    /// How many cases to return, at most [`MAX_LIMIT`]; required.
    pub limit: u32,
    /// Which cases come first; oldest unless given.
    #[serde(default)]
    pub order: Order,
}

/// The order of a case listing, by id.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Lowest id first.
    #[default]
    Oldest,
    /// Highest id first.
    Newest,
}

/// The most cases one `GET /cases` returns.
pub const MAX_LIMIT: u32 = 100;

/// The bearer token `GET /me` accepts.
pub const TOKEN: &str = "demo-token";

/// The cases, in memory, shared by all requests.
#[derive(Debug, Clone)]
pub struct Store {
    cases: Arc<Mutex<BTreeMap<u64, Case>>>,
}

impl Default for Store {
    /// A store holding case 1, "Flood claim".
    fn default() -> Self {
        let first = Case {
            id: 1,
            name: "Flood claim".into(),
            priority: 2,
        };
        Self {
            cases: Arc::new(Mutex::new(BTreeMap::from([(1, first)]))),
        }
    }
}

impl Store {
    /// The case with this id.
    pub fn find(&self, id: u64) -> Result<Case, CaseError> {
        let cases = self.cases.lock().unwrap_or_else(PoisonError::into_inner);
        cases.get(&id).cloned().ok_or(CaseError::NotFound { id })
    }

    /// Up to `query.limit` cases (at most [`MAX_LIMIT`]), in `query.order`.
    pub fn list(&self, query: &ListCases) -> Vec<Case> {
        let cases = self.cases.lock().unwrap_or_else(PoisonError::into_inner);
        let limit = usize::try_from(query.limit.min(MAX_LIMIT)).unwrap_or(usize::MAX);
        match query.order {
            Order::Oldest => cases.values().take(limit).cloned().collect(),
            Order::Newest => cases.values().rev().take(limit).cloned().collect(),
        }
    }

    /// Validates and stores a new case.
    pub fn create(&self, new: NewCase) -> Result<Case, CaseError> {
        let mut errors = Vec::new();
        let name = new.name.trim();
        if name.is_empty() {
            errors.push(FieldViolation::new(["name"], "must not be blank").with_code("blank"));
        } else if name.chars().count() > 80 {
            errors.push(
                FieldViolation::new(["name"], "must be at most 80 characters")
                    .with_code("too_long"),
            );
        }
        let priority = u8::try_from(new.priority)
            .ok()
            .filter(|p| (1..=5).contains(p));
        if priority.is_none() {
            errors.push(
                FieldViolation::new(["priority"], "must be between 1 and 5")
                    .with_code("out_of_range"),
            );
        }
        let Some(priority) = priority.filter(|_| errors.is_empty()) else {
            return Err(CaseError::Invalid { errors });
        };
        let mut cases = self.cases.lock().unwrap_or_else(PoisonError::into_inner);
        if cases
            .values()
            .any(|case| case.name.eq_ignore_ascii_case(name))
        {
            return Err(CaseError::Duplicate { name: name.into() });
        }
        let id = cases.keys().next_back().map_or(1, |last| last + 1);
        let case = Case {
            id,
            name: name.into(),
            priority,
        };
        cases.insert(id, case.clone());
        Ok(case)
    }
}

/// Checks an `Authorization` header value.
pub fn authorize(authorization: Option<&str>) -> Result<(), CaseError> {
    match authorization.and_then(|value| value.strip_prefix("Bearer ")) {
        Some(token) if token == TOKEN => Ok(()),
        _ => Err(CaseError::Unauthorized),
    }
}

/// Exports are always over quota in this example.
pub fn export() -> Result<String, CaseError> {
    Err(CaseError::RateLimited { retry_after: 30 })
}

/// The database is always down in this example; its error text holds a secret that must
/// never reach a client.
pub fn database_health() -> Result<String, CaseError> {
    Err(CaseError::Database(std::io::Error::other(
        "connection refused: postgres://admin:hunter2@db.internal:5432/cases",
    )))
}

/// The documentation pages of [`CaseError`]'s catalogue, which both services serve at
/// `/errors`: where its `type_base` points. Each page shows an example body in each format
/// the axum service speaks (RFC 9457 at `/`, JSON:API under `/jsonapi`, Boom under `/boom`).
pub fn docs() -> apifault::CatalogueDocs {
    apifault::CatalogueDocs::in_formats::<
        CaseError,
        (apifault::Problem, apifault::JsonApi, apifault::Boom),
    >()
    .title("Case API errors")
}
