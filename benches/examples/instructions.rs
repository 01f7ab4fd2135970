//! Renders one case with one implementation N times: run under
//! `valgrind --tool=callgrind` at two values of N, the difference of the instruction counts
//! divided by the difference of N is the cost of one render, repeatable to the instruction
//! even on a busy machine (`benches/instructions.sh` does this for every row).
//!
//! `cargo run --release -p apifault-benches --example instructions -- <row> <case> <n>`

use std::hint::black_box;
use std::sync::LazyLock;

use apifault::{ApiError as _, Boom, Context, Format, JsonApi, Problem};
use apifault_benches::{
    ACCEPT, BenchError, INVALID_MESSAGE, Wrapped, apifault_negotiated, apifault_response, cases,
    hand, problem_json_macro, wrapped_500,
};

// Shared with the benchmark, which times every baseline; this program counts some.
#[allow(dead_code)]
#[path = "../src/dev.rs"]
mod dev;

/// The wrapper row's error, built once: its rows count the response only.
static WRAPPED: LazyLock<Wrapped> = LazyLock::new(wrapped_500);

/// The German context of the localized rows, negotiated once.
static GERMAN: LazyLock<Context<'static>> = LazyLock::new(dev::german);

fn render<F: Format>(error: &BenchError) -> Vec<u8> {
    F::render(error, &Context::default()).expect("the benchmark errors render")
}

/// The rows, by name: each returns something to drop, so its whole cost is counted.
fn row(name: &str) -> Option<fn(&BenchError) -> usize> {
    Some(match name {
        "status_code/apifault" => |e| {
            let e = black_box(e);
            e.status().as_u16() as usize + e.code().len()
        },
        "status_code/hand-match" => |e| {
            let e = black_box(e);
            hand::status(e).as_u16() as usize + hand::code(e).len()
        },
        "body/apifault-problem" => |e| render::<Problem>(e).len(),
        "body/apifault-jsonapi" => |e| render::<JsonApi>(e).len(),
        "body/apifault-boom" => |e| render::<Boom>(e).len(),
        "body/hand-naive" => |e| hand::problem_naive(e).len(),
        "body/hand-presized" => |e| hand::problem_presized(e).len(),
        "body/hand-naive-jsonapi" => |e| hand::jsonapi_naive(e).len(),
        "body/hand-naive-boom" => |e| hand::boom_naive(e).len(),
        "body/json-macro" => |e| problem_json_macro(e).len(),
        "body/http-api-problem" => |e| dev::http_api_problem_body(e).len(),
        "http_response/apifault-problem" => |e| apifault_response::<Problem>(e).body().len(),
        // Case (c) behind a wrapper finding no listed type, whatever the case asked for.
        "http_response/apifault-wrapper" => |_| black_box(&*WRAPPED).to_response().body().len(),
        "negotiated_response/apifault" => |e| apifault_negotiated(e).body().len(),
        "negotiated_response/hand-naive" => |e| hand::negotiated(e, black_box(ACCEPT)).body().len(),
        "axum_response/apifault-problem" => |e| {
            apifault::axum::into_response::<Problem, BenchError>(e)
                .headers()
                .len()
        },
        "axum_response/hand-naive" => |e| dev::axum_naive(e).headers().len(),
        "axum_response/hand-presized" => |e| dev::axum_presized(e).headers().len(),
        "axum_response/http-api-problem" => |e| dev::http_api_problem_axum(e).headers().len(),
        "grpc_status/apifault" => |e| dev::grpc_status_apifault(e).details().len(),
        "grpc_status/hand-error-details" => |e| dev::grpc_status_hand(e).details().len(),
        // The localized rows render case (a) as `dev::Localizable`, whatever the case.
        "localized_body/unlocalized" => {
            |_| dev::localized_body(black_box(&dev::LOCALIZABLE), black_box(&Context::new())).len()
        }
        "localized_body/de" => {
            |_| dev::localized_body(black_box(&dev::LOCALIZABLE), black_box(&GERMAN)).len()
        }
        "localized_body/de-negotiated" => |_| {
            dev::negotiated_body(black_box(&dev::LOCALIZABLE), black_box("de-CH, en;q=0.5")).len()
        },
        _ => return None,
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, case, n] = args.as_slice() else {
        eprintln!("usage: instructions <row> <404|400x3|500> <iterations>");
        std::process::exit(2);
    };
    let row = row(name).unwrap_or_else(|| panic!("no row {name}"));
    let case = cases()
        .into_iter()
        .find(|c| c.name == case)
        .unwrap_or_else(|| panic!("no case {case}"));
    let n: usize = n.parse().expect("a number of iterations");
    let mut total = 0;
    for _ in 0..n {
        total += row(black_box(&case.error));
    }
    assert!(n == 0 || total > 0 || INVALID_MESSAGE.is_empty());
    println!("{total}");
}
