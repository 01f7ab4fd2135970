use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {case_id} has no note {note_id}")]
    #[status(404)]
    NoNote {
        #[api_error(expose = "id")]
        case_id: u64,
        #[api_error(expose = "id")]
        note_id: u64,
    },
}

fn main() {}
