use apifault::ApiError;

#[derive(ApiError)]
#[status(500)]
union Raw {
    code: u32,
    bits: f32,
}

fn main() {}
