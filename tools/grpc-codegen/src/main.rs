//! Regenerates the example's gRPC code from `src/service/grpc/cases.proto` (`--check`:
//! compares instead), and prints the `.proto`'s fingerprint for `PROTO_FINGERPRINT`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|arg| arg == "--check");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/service/grpc");
    let proto = folder.join("cases.proto");
    let descriptors = match protox::compile([&proto], [&folder]) {
        Ok(descriptors) => descriptors,
        Err(error) => {
            eprintln!("{}: {error}", proto.display());
            return ExitCode::FAILURE;
        }
    };
    let out: PathBuf = if check {
        std::env::temp_dir().join(format!("apifault-grpc-codegen-{}", std::process::id()))
    } else {
        folder.clone()
    };
    if let Err(error) = std::fs::create_dir_all(&out).and_then(|()| {
        tonic_prost_build::configure()
            .out_dir(&out)
            .compile_fds(descriptors)
    }) {
        eprintln!("generating into {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    let bytes = std::fs::read(&proto).unwrap_or_default();
    let fingerprint = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    println!("PROTO_FINGERPRINT = {fingerprint:#x}");
    if check {
        let generated = std::fs::read(out.join("cases.v1.rs")).unwrap_or_default();
        let checked_in = std::fs::read(folder.join("cases.v1.rs")).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&out);
        if generated != checked_in {
            eprintln!("src/service/grpc/cases.v1.rs is not what cases.proto generates: rerun without --check");
            return ExitCode::FAILURE;
        }
        println!("src/service/grpc/cases.v1.rs is up to date");
    }
    ExitCode::SUCCESS
}
