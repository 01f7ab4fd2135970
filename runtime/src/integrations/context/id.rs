//! Request ids: which client-sent ones are used, and fresh ones.

use core::sync::atomic::{AtomicU64, Ordering};
use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;

use http::HeaderValue;

/// The longest client-sent request id used as is; a longer one is replaced.
const MAX_ID_LEN: usize = 128;

/// A client-sent id is echoed only when it is short and plain: 1 to 128 visible ASCII
/// characters (no spaces, no control characters).
pub(crate) fn usable_id(id: &[u8]) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_LEN && id.iter().all(u8::is_ascii_graphic)
}

/// A fresh request id: 32 lowercase hex digits, unique within the process (the low half
/// is a bijective mix of a counter) and unlikely to repeat across processes (both halves
/// start from a random per-process seed). No external crate, no system call per id.
pub(crate) fn generate_id() -> HeaderValue {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static SEED: OnceLock<(u64, u64)> = OnceLock::new();
    let (high_seed, low_seed) = *SEED.get_or_init(|| {
        // `RandomState` keys come from the operating system's randomness.
        let state = RandomState::new();
        let now = std::time::SystemTime::now();
        (
            state.hash_one((now, std::process::id(), 0_u8)),
            state.hash_one((now, std::process::id(), 1_u8)),
        )
    });
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let low = mix(low_seed.wrapping_add(count));
    let high = mix(high_seed ^ count.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut text = [0_u8; 32];
    for (i, byte) in text.iter_mut().enumerate() {
        let word = if i < 16 { high } else { low };
        let shift = 60 - 4 * (i % 16);
        *byte = b"0123456789abcdef"[usize::try_from((word >> shift) & 0xF).unwrap_or(0)];
    }
    HeaderValue::from_bytes(&text).unwrap_or_else(|_| HeaderValue::from_static("0"))
}

/// The splitmix64 finalizer: a bijection on `u64` that scatters consecutive inputs.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_unique_hex() {
        let ids: std::collections::HashSet<HeaderValue> =
            (0..10_000).map(|_| generate_id()).collect();
        assert_eq!(ids.len(), 10_000);
        for id in ids.iter().take(10) {
            assert_eq!(id.len(), 32);
            assert!(
                id.as_bytes()
                    .iter()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
            );
        }
    }

    #[test]
    fn only_plain_client_ids_are_used() {
        assert!(usable_id(b"abc-123"));
        assert!(!usable_id(b""));
        assert!(!usable_id(b"has space"));
        assert!(!usable_id("a".repeat(129).as_bytes()));
        assert!(usable_id("a".repeat(128).as_bytes()));
    }
}
