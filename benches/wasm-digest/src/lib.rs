//! SHA-256 in WebAssembly two ways over the same bytes in the module's memory: through
//! motcua's streaming digest as verification uses it ([`Ranges::digest`] of a signature's two
//! byte ranges) and through the `sha2` crate alone in one call. `benches/wasm-digest.mjs` times
//! both under node (issue 6 point 11: the core at least 0.9× the `sha2` crate's own wasm speed).

use motcua_core::signature::byte_range::Ranges;
use motcua_core::signature::crypto::DigestAlgorithm;
use sha2::{Digest, Sha256};
use wasm_bindgen::prelude::*;

/// `len` bytes of a fixed pseudo-random sequence (xorshift64), kept in the module's memory so
/// that no call copies them.
#[wasm_bindgen]
pub struct Data(Vec<u8>);

#[wasm_bindgen]
impl Data {
    /// The first `len` bytes of the sequence.
    #[wasm_bindgen(constructor)]
    pub fn new(len: usize) -> Data {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let bytes = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state.to_le_bytes()[0]
            })
            .collect();
        Data(bytes)
    }

    /// SHA-256 through the core: the whole buffer as a signature's byte range, a hole of 16
    /// bytes in the middle (its `/Contents`), as `Ranges::digest` hashes a signed PDF.
    pub fn core(&self) -> Vec<u8> {
        let middle = self.0.len() / 2;
        let ranges = Ranges {
            first: 0..middle,
            second: (middle + 16).min(self.0.len())..self.0.len(),
        };
        ranges
            .digest(&self.0, DigestAlgorithm::Sha256)
            .unwrap_or_default()
    }

    /// SHA-256 of the same bytes by the `sha2` crate: one `update` per range, as the core's
    /// digest feeds them.
    pub fn sha2(&self) -> Vec<u8> {
        let middle = self.0.len() / 2;
        let mut h = Sha256::new();
        h.update(&self.0[..middle]);
        h.update(&self.0[(middle + 16).min(self.0.len())..]);
        h.finalize().to_vec()
    }
}
