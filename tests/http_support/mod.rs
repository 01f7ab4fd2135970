//! A plain HTTP/1 client over loopback for the framework tests, and the bounded load run.
//!
//! Only 127.0.0.1 is ever addressed: the servers under test bind `127.0.0.1:0`.

// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http::{HeaderMap, Method, Request};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

/// One response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON; panics with the body text when it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "body is not JSON ({error}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// A header's value as text; panics when it is missing.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("no {name} header in {:?}", self.headers))
            .to_str()
            .expect("header is text")
    }

    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("body is UTF-8")
    }
}

/// The answer of `error` through `to_response`, axum's `IntoResponse` and actix-web's
/// `ResponseError`, after asserting the three carry the same status, headers and body.
pub fn every_integration<E>(error: E) -> Reply
where
    E: apifault::ApiError + axum::response::IntoResponse + actix_web::ResponseError,
{
    let (parts, body) = error.to_response().into_parts();
    let plain = Reply {
        status: parts.status.as_u16(),
        headers: parts.headers,
        body,
    };

    let actix = error.error_response();
    let mut headers = HeaderMap::new();
    for (name, value) in actix.headers() {
        headers.append(
            http::HeaderName::from_bytes(name.as_str().as_bytes()).expect("a header name"),
            http::HeaderValue::from_bytes(value.as_bytes()).expect("a header value"),
        );
    }
    let status = actix.status().as_u16();
    let body = block_on(actix_web::body::to_bytes(actix.into_body())).expect("the actix body");
    let actix = Reply {
        status,
        headers,
        body: body.to_vec(),
    };

    let (parts, body) = axum::response::IntoResponse::into_response(error).into_parts();
    let body = block_on(body.collect()).expect("the axum body").to_bytes();
    let axum = Reply {
        status: parts.status.as_u16(),
        headers: parts.headers,
        body: body.to_vec(),
    };

    for (integration, reply) in [("actix-web", &actix), ("axum", &axum)] {
        assert_eq!(
            (reply.status, &reply.headers, reply.text()),
            (plain.status, &plain.headers, plain.text()),
            "{integration} answers otherwise than `to_response`"
        );
    }
    plain
}

/// Runs a future that completes without I/O (an in-memory body) to its end.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime")
        .block_on(future)
}

/// A keep-alive client for one server.
#[derive(Clone)]
pub struct Client {
    inner: HyperClient<HttpConnector, Full<Bytes>>,
    base: String,
}

impl Client {
    pub fn new(address: SocketAddr) -> Self {
        assert!(address.ip().is_loopback(), "tests only talk to loopback");
        let inner = HyperClient::builder(TokioExecutor::new())
            .pool_max_idle_per_host(16)
            .build_http();
        Self {
            inner,
            base: format!("http://{address}"),
        }
    }

    /// The same server through a new connection per request: for sweeps whose requests
    /// make the server close its connection (a body answered before it is read, a
    /// timeout), which a pooled connection would meet on the next request.
    pub fn unpooled(&self) -> Self {
        Self {
            inner: HyperClient::builder(TokioExecutor::new())
                .pool_max_idle_per_host(0)
                .build_http(),
            base: self.base.clone(),
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, &[], "").await
    }

    pub async fn post_json(&self, path: &str, body: &str) -> Reply {
        self.send(
            Method::POST,
            path,
            &[("content-type", "application/json")],
            body,
        )
        .await
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Reply {
        self.try_send(method, path, headers, body)
            .await
            .unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    pub async fn try_send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Result<Reply, Box<dyn std::error::Error + Send + Sync>> {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request.body(Full::new(Bytes::from(body.to_owned())))?;
        let response = self.inner.request(request).await?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await?.to_bytes().to_vec();
        Ok(Reply {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        })
    }
}

/// One kind of request of the load run, and what must come back.
pub struct Probe {
    pub method: Method,
    pub path: &'static str,
    pub body: &'static str,
    pub status: u16,
}

impl Probe {
    pub fn get(path: &'static str, status: u16) -> Self {
        Self {
            method: Method::GET,
            path,
            body: "",
            status,
        }
    }

    pub fn post(path: &'static str, body: &'static str, status: u16) -> Self {
        Self {
            method: Method::POST,
            path,
            body,
            status,
        }
    }
}

/// What a load run saw.
#[derive(Debug)]
pub struct LoadReport {
    pub requests: usize,
    pub transport_errors: usize,
    pub wrong_status: usize,
    pub invalid_bodies: usize,
    pub elapsed: Duration,
}

impl std::fmt::Display for LoadReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} requests in {:.2?} ({:.0}/s), {} transport errors, {} wrong statuses, {} invalid bodies",
            self.requests,
            self.elapsed,
            self.requests as f64 / self.elapsed.as_secs_f64().max(f64::MIN_POSITIVE),
            self.transport_errors,
            self.wrong_status,
            self.invalid_bodies
        )
    }
}

/// `total` requests cycling through `probes`, from `concurrency` tasks sharing one pooled
/// client (so at most `concurrency` connections), each request checked: the status the
/// probe expects, and a JSON object body whose status member (`status`, `statusCode`, or
/// JSON:API's `errors[0].status`) equals it. Bounded by count and by `deadline`.
pub async fn load(
    client: &Client,
    probes: Arc<Vec<Probe>>,
    total: usize,
    concurrency: usize,
    deadline: Duration,
) -> LoadReport {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let client = client.clone();
        let probes = Arc::clone(&probes);
        let next = Arc::clone(&next);
        tasks.push(tokio::spawn(async move {
            let (mut sent, mut transport, mut status, mut bodies) = (0, 0, 0, 0);
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= total || start.elapsed() > deadline {
                    break;
                }
                let probe = &probes[index % probes.len()];
                let headers: &[(&str, &str)] = if probe.body.is_empty() {
                    &[]
                } else {
                    &[("content-type", "application/json")]
                };
                sent += 1;
                match client
                    .try_send(probe.method.clone(), probe.path, headers, probe.body)
                    .await
                {
                    Err(_) => transport += 1,
                    Ok(reply) => {
                        if reply.status != probe.status {
                            status += 1;
                        }
                        if !body_states(&reply, probe.status) {
                            bodies += 1;
                        }
                    }
                }
            }
            (sent, transport, status, bodies)
        }));
    }
    let mut report = LoadReport {
        requests: 0,
        transport_errors: 0,
        wrong_status: 0,
        invalid_bodies: 0,
        elapsed: Duration::ZERO,
    };
    for task in tasks {
        let (sent, transport, status, bodies) = task.await.expect("load task");
        report.requests += sent;
        report.transport_errors += transport;
        report.wrong_status += status;
        report.invalid_bodies += bodies;
    }
    report.elapsed = start.elapsed();
    report
}

/// Whether the body is a JSON object stating `status` in its format's member.
fn body_states(reply: &Reply, status: u16) -> bool {
    let Ok(body) = serde_json::from_slice::<Value>(&reply.body) else {
        return false;
    };
    let stated = body
        .get("status")
        .or_else(|| body.get("statusCode"))
        .or_else(|| body.pointer("/errors/0/status"));
    match stated {
        Some(Value::Number(number)) => number.as_u64() == Some(u64::from(status)),
        Some(Value::String(text)) => text == &status.to_string(),
        _ => false,
    }
}

/// The axum example service (`apifault_suite::service::app`) on `127.0.0.1:0`, served by
/// a task of the test's runtime; a client for it.
pub async fn serve_example_axum() -> Client {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, apifault_suite::service::app::app()).await });
    client
}

/// The actix-web example service (`apifault_suite::service::actix_app`) on
/// `127.0.0.1:0`, in its own actix system thread; stopped when dropped.
pub struct ExampleActix {
    pub address: SocketAddr,
    handle: actix_web::dev::ServerHandle,
}

impl ExampleActix {
    pub fn start() -> Self {
        use apifault_suite::service::{actix_app, cases};
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let store = cases::Store::default();
                let server = actix_web::HttpServer::new(move || actix_app::app(store.clone()))
                    .workers(1)
                    .bind("127.0.0.1:0")
                    .expect("bind loopback");
                let address = server.addrs()[0];
                let server = server.run();
                sender.send((address, server.handle())).expect("test waits");
                server.await
            })
        });
        let (address, handle) = receiver.recv().expect("server started");
        Self { address, handle }
    }

    pub fn client(&self) -> Client {
        Client::new(self.address)
    }
}

impl Drop for ExampleActix {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}
