//! Prints the status, code and RFC 9457 body of a few errors: `cargo run --example basic`.

use apifault::{ApiError, FieldViolation};

/// Errors of a small case-management API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "kebab-case",
    type_base = "https://docs.example.com/errors/"
)]
enum CaseError {
    /// The case does not exist.
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },

    /// A case with that name exists already.
    #[error("a case named {name:?} already exists")]
    #[status(409)]
    #[code("duplicate-value")]
    Duplicate {
        #[api_error(expose)]
        name: String,
    },

    /// The request body failed validation.
    #[error("invalid request")]
    #[status(400)]
    #[message("The request is invalid. See `errors` for details.")]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// Slow down.
    #[error("rate limited for {secs} s")]
    #[status(TOO_MANY_REQUESTS)]
    #[api_error(header("Retry-After" = "{secs}"))]
    RateLimited { secs: u32 },

    /// The database failed; its text stays in the logs.
    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),
}

fn show(error: &CaseError) {
    let response = error.to_response();
    println!("{} {}", response.status().as_u16(), error.code());
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!("{}\n", String::from_utf8_lossy(response.body()));
}

fn main() {
    show(&CaseError::NotFound { id: 42 });
    show(&CaseError::Duplicate {
        name: "Flood claim".into(),
    });
    show(&CaseError::Invalid {
        errors: vec![
            FieldViolation::new(["age"], "must be a positive integer"),
            FieldViolation::new(["profile", "color"], "must be 'green', 'red' or 'blue'"),
        ],
    });
    show(&CaseError::RateLimited { secs: 30 });
    show(&CaseError::Database(std::io::Error::other(
        "connection refused to db.internal:5432",
    )));
}
