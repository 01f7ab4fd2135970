use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(grpc_domain = "payments.example.com")]
enum PaymentError {
    #[error("card declined")]
    #[status(402)]
    #[code("1001")]
    Declined,

    #[error("limit reached")]
    #[status(429)]
    #[code("limit-")]
    Limited,

    #[error("no")]
    #[status(403)]
    No,

    #[error("fraud suspected")]
    #[status(403)]
    #[code("fraud")]
    Fraud,
}

fn main() {}
