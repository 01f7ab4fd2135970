//! apifault against the hand-written limit and the peers, per case (`404`, `400x3`, `500`):
//!
//! - `status_code/<case>`: `status()` + `code()` against a hand-written `match`;
//! - `body/<case>`: the body bytes, in every built-in format and every baseline;
//! - `http_response/<case>`: the whole `http::Response`;
//! - `negotiated_response/<case>`: the whole `http::Response` chosen by an `Accept`
//!   among three formats, apifault's `negotiate` against the same choice by hand;
//! - `axum_response/<case>`: the axum `Response` a handler returns;
//! - `grpc_status/<case>`: the `tonic::Status` with its rich error details, against the
//!   same `Status` built by hand with tonic-types' `ErrorDetails`;
//! - `localized_body/404`: a 404 body in German (the locale negotiated once, and from an
//!   `Accept-Language` on each call) against the same body unlocalized.
//!
//! `cargo bench -p apifault-benches` runs them all (a few minutes) and ends with a Markdown
//! table of medians and ratios (also written to `target/criterion/apifault-report.md`).
//! `cargo bench -p apifault-benches -- --test` only checks that every benchmark runs.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use apifault::{ApiError as _, Boom, Context, Format, JsonApi, Problem};
use apifault_benches::{
    ACCEPT, BenchError, Case, INVALID_MESSAGE, apifault_negotiated, apifault_response, cases, hand,
    problem_json_macro, wrapped_500,
};
use criterion::Criterion;

#[path = "../src/dev.rs"]
mod dev;

/// The reference a group's ratios are taken against, and the peer its speed-ups are.
const HAND_MATCH: &str = "hand-match";
const HAND_NAIVE: &str = "hand-naive";
const HAND_PRESIZED: &str = "hand-presized";
const PEER: &str = "http-api-problem";
const WRAPPER: &str = "apifault-wrapper";
const HAND_ERROR_DETAILS: &str = "hand-error-details";
const UNLOCALIZED: &str = "unlocalized";

fn status_code(c: &mut Criterion, case: &Case) {
    let mut group = c.benchmark_group(format!("status_code/{}", case.name));
    let error = &case.error;
    group.bench_function("apifault", |b| {
        b.iter(|| {
            let error = black_box(error);
            (error.status(), error.code())
        });
    });
    group.bench_function(HAND_MATCH, |b| {
        b.iter(|| {
            let error = black_box(error);
            (hand::status(error), hand::code(error))
        });
    });
    group.finish();
}

fn render<F: Format>(error: &BenchError) -> Vec<u8> {
    F::render(error, &Context::default()).expect("the benchmark errors render")
}

fn body(c: &mut Criterion, case: &Case) {
    type Render = fn(&BenchError) -> Vec<u8>;
    let rows: [(&str, Render); 9] = [
        ("apifault-problem", render::<Problem>),
        ("apifault-jsonapi", render::<JsonApi>),
        ("apifault-boom", render::<Boom>),
        (HAND_NAIVE, hand::problem_naive),
        (HAND_PRESIZED, hand::problem_presized),
        ("json-macro", problem_json_macro),
        (PEER, dev::http_api_problem_body),
        ("hand-naive-jsonapi", hand::jsonapi_naive),
        ("hand-naive-boom", hand::boom_naive),
    ];
    let mut group = c.benchmark_group(format!("body/{}", case.name));
    for (name, render) in rows {
        group.bench_function(name, |b| b.iter(|| render(black_box(&case.error))));
    }
    group.finish();
}

fn http_response(c: &mut Criterion, case: &Case) {
    type Respond = fn(&BenchError) -> http::Response<Vec<u8>>;
    let rows: [(&str, Respond); 6] = [
        ("apifault-problem", apifault_response::<Problem>),
        ("apifault-jsonapi", apifault_response::<JsonApi>),
        ("apifault-boom", apifault_response::<Boom>),
        (HAND_NAIVE, |error| {
            hand::response(
                hand::status(error),
                "application/problem+json",
                hand::problem_naive(error),
            )
        }),
        (HAND_PRESIZED, |error| {
            hand::response(
                hand::status(error),
                "application/problem+json",
                hand::problem_presized(error),
            )
        }),
        (PEER, dev::http_api_problem_response),
    ];
    let mut group = c.benchmark_group(format!("http_response/{}", case.name));
    for (name, respond) in rows {
        group.bench_function(name, |b| b.iter(|| respond(black_box(&case.error))));
    }
    // Case (c) behind axum's wrapper pattern, finding no listed type: against
    // `apifault-problem`, the cost of the wrapper (one failed downcast per look).
    if case.name == "500" {
        let wrapped = wrapped_500();
        group.bench_function(WRAPPER, |b| b.iter(|| black_box(&wrapped).to_response()));
    }
    group.finish();
}

fn negotiated_response(c: &mut Criterion, case: &Case) {
    let mut group = c.benchmark_group(format!("negotiated_response/{}", case.name));
    group.bench_function("apifault", |b| {
        b.iter(|| apifault_negotiated(black_box(&case.error)))
    });
    group.bench_function(HAND_NAIVE, |b| {
        b.iter(|| hand::negotiated(black_box(&case.error), black_box(ACCEPT)))
    });
    group.finish();
}

fn axum_response(c: &mut Criterion, case: &Case) {
    type Respond = fn(&BenchError) -> axum::response::Response;
    // `IntoResponse::into_response` takes the error by value; the derived impl is
    // `apifault::axum::respond(&self)`, which for a type whose variants declare no format
    // of their own is exactly `apifault::axum::into_response::<Format, Self>(&self)`,
    // timed here without the drop of the error (which the hand-written rows do not pay
    // either).
    let rows: [(&str, Respond); 6] = [
        (
            "apifault-problem",
            apifault::axum::into_response::<Problem, BenchError>,
        ),
        (
            "apifault-jsonapi",
            apifault::axum::into_response::<JsonApi, BenchError>,
        ),
        (
            "apifault-boom",
            apifault::axum::into_response::<Boom, BenchError>,
        ),
        (HAND_NAIVE, dev::axum_naive),
        (HAND_PRESIZED, dev::axum_presized),
        (PEER, dev::http_api_problem_axum),
    ];
    let mut group = c.benchmark_group(format!("axum_response/{}", case.name));
    for (name, respond) in rows {
        group.bench_function(name, |b| b.iter(|| respond(black_box(&case.error))));
    }
    group.finish();
}

fn grpc_status(c: &mut Criterion, case: &Case) {
    type Convert = fn(&BenchError) -> tonic::Status;
    let rows: [(&str, Convert); 2] = [
        ("apifault", dev::grpc_status_apifault),
        (HAND_ERROR_DETAILS, dev::grpc_status_hand),
    ];
    let mut group = c.benchmark_group(format!("grpc_status/{}", case.name));
    for (name, convert) in rows {
        group.bench_function(name, |b| b.iter(|| convert(black_box(&case.error))));
    }
    group.finish();
}

fn localized_body(c: &mut Criterion) {
    let german = dev::german();
    let unlocalized = Context::new();
    let mut group = c.benchmark_group("localized_body/404");
    group.bench_function(UNLOCALIZED, |b| {
        b.iter(|| dev::localized_body(black_box(&dev::LOCALIZABLE), black_box(&unlocalized)));
    });
    group.bench_function("de", |b| {
        b.iter(|| dev::localized_body(black_box(&dev::LOCALIZABLE), black_box(&german)));
    });
    group.bench_function("de-negotiated", |b| {
        b.iter(|| dev::negotiated_body(black_box(&dev::LOCALIZABLE), black_box("de-CH, en;q=0.5")));
    });
    group.finish();
}

/// Where criterion keeps its results: `$CRITERION_HOME`, else `$CARGO_TARGET_DIR/criterion`,
/// else the workspace's `target/criterion`. Given to criterion too, so both agree.
fn output_directory() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
        PathBuf::from,
    );
    target.join("criterion")
}

/// The median of one benchmark in nanoseconds, if it ran in this process.
fn median(directory: &Path, group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let path = directory
        .join(group.replace('/', "_"))
        .join(function)
        .join("new/estimates.json");
    let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
    if modified < since {
        return None;
    }
    let estimates: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}

/// The Markdown tables of medians and ratios of every benchmark that ran since `since`.
fn report(directory: &Path, since: SystemTime) -> String {
    let kinds: [(&str, &[&str]); 7] = [
        ("status_code", &["apifault", HAND_MATCH]),
        (
            "body",
            &[
                "apifault-problem",
                "apifault-jsonapi",
                "apifault-boom",
                HAND_NAIVE,
                HAND_PRESIZED,
                "hand-naive-jsonapi",
                "hand-naive-boom",
                "json-macro",
                PEER,
            ],
        ),
        (
            "http_response",
            &[
                "apifault-problem",
                "apifault-jsonapi",
                "apifault-boom",
                WRAPPER,
                HAND_NAIVE,
                HAND_PRESIZED,
                PEER,
            ],
        ),
        ("negotiated_response", &["apifault", HAND_NAIVE]),
        (
            "axum_response",
            &[
                "apifault-problem",
                "apifault-jsonapi",
                "apifault-boom",
                HAND_NAIVE,
                HAND_PRESIZED,
                PEER,
            ],
        ),
        ("grpc_status", &["apifault", HAND_ERROR_DETAILS]),
        ("localized_body", &[UNLOCALIZED, "de", "de-negotiated"]),
    ];
    let mut out = String::new();
    for (kind, functions) in kinds {
        let cases = cases().map(|case| case.name);
        let groups = cases.map(|case| format!("{kind}/{case}"));
        if !groups.iter().any(|group| {
            functions
                .iter()
                .any(|f| median(directory, group, f, since).is_some())
        }) {
            continue;
        }
        let reference = match kind {
            "status_code" => HAND_MATCH,
            "grpc_status" => HAND_ERROR_DETAILS,
            "localized_body" => UNLOCALIZED,
            _ => HAND_NAIVE,
        };
        let _ = writeln!(out, "\n### {kind}\n");
        let _ = writeln!(
            out,
            "| {kind} | case | median | ÷ {reference} | ÷ {HAND_PRESIZED} | {PEER} ÷ this |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|");
        for (case, group) in cases.iter().zip(&groups) {
            let reference = median(directory, group, reference, since);
            let presized = median(directory, group, HAND_PRESIZED, since);
            let peer = median(directory, group, PEER, since);
            for function in functions {
                let Some(time) = median(directory, group, function, since) else {
                    continue;
                };
                let ratio =
                    |base: Option<f64>| base.map_or("".into(), |b| format!("{:.2}", time / b));
                let speedup = peer.map_or("".into(), |p| format!("{:.2}×", p / time));
                let _ = writeln!(
                    out,
                    "| {function} | {case} | {} | {} | {} | {speedup} |",
                    nanoseconds(time),
                    ratio(reference),
                    ratio(presized),
                );
            }
        }
    }
    out
}

fn nanoseconds(time: f64) -> String {
    if time < 10.0 {
        format!("{time:.2} ns")
    } else {
        format!("{time:.0} ns")
    }
}

fn main() {
    // Fail before timing anything if a baseline does not render what apifault renders.
    for case in cases() {
        let expected: serde_json::Value =
            serde_json::from_slice(&render::<Problem>(&case.error)).expect("valid JSON");
        let peer: serde_json::Value =
            serde_json::from_slice(&dev::http_api_problem_body(&case.error)).expect("valid JSON");
        assert_eq!(peer, expected, "http-api-problem renders {}", case.name);
    }
    let german: serde_json::Value =
        serde_json::from_slice(&dev::localized_body(&dev::LOCALIZABLE, &dev::german()))
            .expect("valid JSON");
    assert_eq!(
        german["detail"],
        "Der Fall 3141592653 wurde nicht gefunden."
    );

    let started = SystemTime::now();
    let directory = output_directory();
    let mut criterion = Criterion::default()
        .output_directory(&directory)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for case in &cases() {
        status_code(&mut criterion, case);
        body(&mut criterion, case);
        http_response(&mut criterion, case);
        negotiated_response(&mut criterion, case);
        axum_response(&mut criterion, case);
        grpc_status(&mut criterion, case);
    }
    localized_body(&mut criterion);
    criterion.final_summary();

    // `--test` and `--list` time nothing, so there is nothing to report.
    let report = report(&directory, started);
    if !report.is_empty() {
        println!("{report}");
        let path = directory.join("apifault-report.md");
        if let Err(error) = std::fs::write(&path, &report) {
            eprintln!("could not write {}: {error}", path.display());
        }
    }
}
