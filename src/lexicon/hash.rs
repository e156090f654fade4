//! A small, fast, non-cryptographic hasher for the lexicon maps (the "Fx" hash used inside rustc).
//! The keys are our own embedded words, not attacker-chosen, so hash flooding is not a concern,
//! and SipHash would make every lookup several times slower. Never key a probing hash map by
//! input-chosen data (comment ids, author names): colliding keys are easy to build
//! (`examples/thread_flood.rs`). A direct-mapped cache, where a collision only evicts (the engine's
//! answers for unknown words), is safe.

use std::hash::{BuildHasher, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Builds [`FxHasher`]s.
#[derive(Clone, Copy, Default, Debug)]
pub struct FxBuildHasher;

impl BuildHasher for FxBuildHasher {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher { hash: 0 }
    }
}

/// The Fx hash state.
#[derive(Clone, Copy, Default, Debug)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Words of 8 bytes, little-endian, the last one padded with zeros. Read without
        // `copy_from_slice`, which the size-optimised wasm build calls out of line for every
        // word of every key.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            if let Ok(word) = <[u8; 8]>::try_from(chunk) {
                self.add(u64::from_le_bytes(word));
            }
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |word, &byte| word << 8 | u64::from(byte));
            self.add(word);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits of the state depending only on the low bits of each
        // word, and hashbrown picks the bucket from the low bits: keys that differ only in their
        // last bytes ("c1000017", "c1000018": comment ids) would all land in a few buckets and
        // be found by long probes and string compares. Rotating brings the well-mixed high bits
        // down (as rustc-hash 2 does).
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as `copy_from_slice` reads them into a zeroed buffer, the plain way.
    fn reference(bytes: &[u8]) -> u64 {
        let mut hasher = FxHasher::default();
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            hasher.add(u64::from_le_bytes(word));
        }
        hasher.finish()
    }

    #[test]
    fn words_are_read_little_endian_and_zero_padded() {
        let text = "perché l’ho detto: bellissimo, 😍 e-mail c1000017";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let mut hasher = FxHasher::default();
                hasher.write(bytes);
                assert_eq!(hasher.finish(), reference(bytes), "{bytes:?}");
            }
        }
    }
}
