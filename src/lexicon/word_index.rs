//! The vocabulary's index from a word to its position: open addressing over slots that hold the
//! word's first eight bytes, its length and its summary bits, so that a word of up to eight bytes
//! (most words) is found, or found missing, by comparing two numbers per slot, without reading
//! the key and without a `memcmp`, and hashed from one or two loads rather than byte by byte.
//!
//! The keys are the project's own embedded words, not attacker-chosen, so a fast multiplicative
//! hash is enough (as for the lexicon tables' Fx hash, `hash.rs`).

/// Multiplier of the hash (2^64 divided by the golden ratio, as in Fibonacci hashing).
const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// One slot of the table.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The key's first eight bytes, little-endian, zero-padded ([`head`]).
    head: u64,
    /// The word's position plus one; 0 for an empty slot.
    at: u32,
    /// The key's length in bytes, saturated at `u16::MAX` (longer keys are compared in full).
    len: u16,
    /// The word's summary bits.
    flags: u8,
}

/// What the index finds for a key: the word's position, its summary bits and its key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub at: u32,
    pub flags: u8,
    pub key: &'static str,
}

/// A word index that takes at most the number of keys it was made for.
pub(crate) struct WordIndex {
    slots: Vec<Slot>,
    /// `slots.len() - 1` (a power of two less one).
    mask: usize,
    /// `64 - log2(slots.len())`: the slot of a hash is its top bits.
    shift: u32,
    /// The key of each word, by position.
    keys: Vec<&'static str>,
}

/// The first eight bytes of `bytes` as a little-endian number, zero-padded: two overlapping
/// loads instead of a loop over the bytes (overlapping bytes are the same bytes, so OR is exact).
#[inline]
pub(crate) fn head(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n >= 8 {
        return bytes
            .first_chunk::<8>()
            .map_or(0, |word| u64::from_le_bytes(*word));
    }
    if n >= 4 {
        let low = bytes
            .first_chunk::<4>()
            .map_or(0, |w| u32::from_le_bytes(*w));
        let high = bytes
            .last_chunk::<4>()
            .map_or(0, |w| u32::from_le_bytes(*w));
        return u64::from(low) | u64::from(high) << (8 * (n - 4));
    }
    match *bytes {
        [] => 0,
        [a] => u64::from(a),
        [a, b] => u64::from(a) | u64::from(b) << 8,
        [a, b, c, ..] => u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16,
    }
}

/// The hash of a key whose [`head`] is `head`.
#[inline]
fn hash(bytes: &[u8], head: u64) -> u64 {
    let mut hash = (head ^ bytes.len() as u64).wrapping_mul(MULTIPLIER);
    if let Some(mut rest) = bytes.get(8..) {
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            hash = (hash.rotate_left(5) ^ u64::from_le_bytes(*word)).wrapping_mul(MULTIPLIER);
            rest = tail;
        }
        if !rest.is_empty() {
            hash = (hash.rotate_left(5) ^ self::head(rest)).wrapping_mul(MULTIPLIER);
        }
    }
    hash
}

impl WordIndex {
    /// An empty index with room for `keys` keys.
    pub fn with_capacity(keys: usize) -> WordIndex {
        // At most half full, so that a probe for a missing word (most content words) stops soon.
        let len = (keys.max(1) * 2).next_power_of_two();
        WordIndex {
            slots: vec![Slot::default(); len],
            mask: len - 1,
            shift: 64 - len.trailing_zeros(),
            keys: Vec::with_capacity(keys),
        }
    }

    /// The slot of `key`, whose [`head`] is `head`, or the empty slot where it would go.
    #[inline]
    fn slot_of(&self, key: &[u8], head: u64) -> usize {
        let len = u16::try_from(key.len()).unwrap_or(u16::MAX);
        let mut at = (hash(key, head) >> self.shift) as usize & self.mask;
        loop {
            let Some(slot) = self.slots.get(at) else {
                return at;
            };
            if slot.at == 0 {
                return at;
            }
            if slot.head == head
                && slot.len == len
                && (key.len() <= 8
                    || self
                        .keys
                        .get(slot.at as usize - 1)
                        .is_some_and(|k| k.as_bytes() == key))
            {
                return at;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// What the index holds for `key`.
    #[inline]
    pub fn find(&self, key: &[u8]) -> Option<Found> {
        self.find_with_head(key, head(key))
    }

    /// [`find`](Self::find) for a caller that has the key's [`head`] already.
    #[inline]
    pub fn find_with_head(&self, key: &[u8], head: u64) -> Option<Found> {
        debug_assert_eq!(head, self::head(key));
        let slot = self.slots.get(self.slot_of(key, head))?;
        let at = slot.at.checked_sub(1)?;
        Some(Found {
            at,
            flags: slot.flags,
            key: self.keys.get(at as usize)?,
        })
    }

    /// The position of `key`, added as the next position when it is new (`None` when the index
    /// is full: it never is, for the number of keys it was made for).
    pub fn insert(&mut self, key: &'static str) -> Option<u32> {
        let at = self.slot_of(key.as_bytes(), head(key.as_bytes()));
        let capacity = self.slots.len();
        let slot = self.slots.get_mut(at)?;
        if slot.at != 0 {
            return Some(slot.at - 1);
        }
        // Keep one empty slot at least, or a probe for a missing key would not end.
        if (self.keys.len() + 1) * 2 > capacity {
            return None;
        }
        let position = u32::try_from(self.keys.len()).ok()?;
        *slot = Slot {
            head: head(key.as_bytes()),
            at: position + 1,
            len: u16::try_from(key.len()).unwrap_or(u16::MAX),
            flags: 0,
        };
        self.keys.push(key);
        Some(position)
    }

    /// Sets the summary bits of every word from its position.
    pub fn set_flags(&mut self, flags: impl Fn(u32) -> u8) {
        for slot in &mut self.slots {
            if let Some(at) = slot.at.checked_sub(1) {
                slot.flags = flags(at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_the_first_eight_bytes_zero_padded() {
        let text = "perché l’ho detto: bellissimo, 😍 e-mail c1000017";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let mut padded = [0u8; 8];
                let n = bytes.len().min(8);
                padded[..n].copy_from_slice(&bytes[..n]);
                assert_eq!(head(bytes), u64::from_le_bytes(padded), "{bytes:?}");
            }
        }
    }

    #[test]
    fn keys_are_found_and_others_are_not() {
        // Keys that share their first eight bytes, differ only in length or in a last byte, are
        // empty or long, and far more than fit in one probe run.
        let mut keys: Vec<&'static str> = vec![
            "",
            "a",
            "a\0",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "abcdefghj",
            "abcdefgh\0",
        ];
        let long: Vec<String> = (0..3000).map(|i| format!("c10000{i:05}")).collect();
        let short: Vec<String> = (0..3000).map(|i| format!("{i}")).collect();
        keys.extend(long.iter().map(|k| &*k.clone().leak()));
        keys.extend(short.iter().map(|k| &*k.clone().leak()));
        let mut index = WordIndex::with_capacity(keys.len());
        for (position, key) in keys.iter().enumerate() {
            assert_eq!(index.insert(key), Some(position as u32), "{key:?}");
        }
        // Inserting again finds the same position.
        assert_eq!(index.insert("abcdefghi"), Some(5));
        assert_eq!(index.keys.len(), keys.len());
        index.set_flags(|at| at as u8);
        for (position, key) in keys.iter().enumerate() {
            let found = index.find(key.as_bytes()).expect(key);
            assert_eq!((found.at, found.key), (position as u32, *key));
            assert_eq!(found.flags, position as u8);
        }
        for missing in [
            "b",
            "abcdefg",
            "abcdefghk",
            "abcdefghij",
            "c1000003000",
            "3000",
            "ab\0",
        ] {
            assert!(index.find(missing.as_bytes()).is_none(), "{missing:?}");
        }
    }

    #[test]
    fn a_full_index_refuses_more_keys_and_still_answers() {
        let mut index = WordIndex::with_capacity(2);
        assert_eq!(index.insert("a"), Some(0));
        assert_eq!(index.insert("b"), Some(1));
        assert_eq!(index.insert("c"), None);
        assert_eq!(index.insert("a"), Some(0));
        assert!(index.find(b"c").is_none());
        assert_eq!(index.find(b"b").map(|f| f.at), Some(1));
    }
}
