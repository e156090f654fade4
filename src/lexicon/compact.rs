//! The compact form in which the lexicon tables are embedded, and its decoder.
//!
//! `build.rs` includes this file too (with `#[path]`) and writes every table with [`encode`]; the
//! crate turns a table back into its `key\tvalue…\n` text with [`decode`] the first time the table
//! is used. One file holds both directions so the format cannot drift between them.
//!
//! Why this shape: the wasm package is gzipped, and gzip does poorly on `key\tvalue` lines whose
//! values interrupt the run of similar keys. Splitting keys from values and front-coding the keys
//! (each key stores only what differs from the previous one) lets gzip see long runs of similar
//! bytes, and a column's values, which repeat a few dozen distinct strings, become one small
//! index a row.
//!
//! Layout; every integer is LEB128 (7 bits a byte, low first):
//! 1. the number of value columns;
//! 2. for each column, its distinct values, most frequent first: their count, then each value
//!    followed by `\n`;
//! 3. the number of rows;
//! 4. for each column, one index a row into that column's distinct values;
//! 5. the keys, in row order: for each row, one byte saying how many bytes to drop from the end of
//!    the previous key ([`RESTART`]: all of them), then the bytes to append. Keys contain no byte
//!    below 0x20 (the lexicon compiler rejects control characters), so the byte that starts the
//!    next row also ends this key. Counting dropped bytes rather than shared ones gives gzip
//!    small, repetitive numbers in a sorted list (abandon, abandoned, abandoner: 0, 0, 1).

/// The key byte that starts a key from scratch; any smaller byte is a number of bytes to drop.
pub const RESTART: u8 = 0x1F;

/// Encodes `rows` (key, then one value a column; every row has `columns` values) in the order
/// given. Keys must not contain bytes below 0x20; values must not contain `\n`.
#[allow(dead_code)] // called by build.rs, which includes this file; the crate only decodes
pub fn encode(columns: usize, rows: &[(&str, Vec<&str>)]) -> Vec<u8> {
    let mut out = Vec::new();
    push_number(&mut out, columns);
    let mut dictionaries = Vec::with_capacity(columns);
    for column in 0..columns {
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        for (row, (_, values)) in rows.iter().enumerate() {
            let value = values[column];
            match counts.iter_mut().find(|(v, _, _)| *v == value) {
                Some(entry) => entry.1 += 1,
                None => counts.push((value, 1, row)),
            }
        }
        // Most frequent first, so the common values get one-byte indices; ties in order of
        // first use, so the encoding is deterministic.
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        push_number(&mut out, counts.len());
        for (value, _, _) in &counts {
            out.extend_from_slice(value.as_bytes());
            out.push(b'\n');
        }
        dictionaries.push(counts.into_iter().map(|(v, _, _)| v).collect::<Vec<_>>());
    }
    push_number(&mut out, rows.len());
    for (column, dictionary) in dictionaries.iter().enumerate() {
        for (_, values) in rows {
            let index = dictionary
                .iter()
                .position(|v| *v == values[column])
                .unwrap_or_default();
            push_number(&mut out, index);
        }
    }
    let mut previous: &[u8] = &[];
    for (key, _) in rows {
        let key = key.as_bytes();
        let shared = key.iter().zip(previous).take_while(|(a, b)| a == b).count();
        let drop = previous.len() - shared;
        if drop < usize::from(RESTART) {
            out.push(drop as u8);
            out.extend_from_slice(&key[shared..]);
        } else {
            out.push(RESTART);
            out.extend_from_slice(key);
        }
        previous = key;
    }
    out
}

fn push_number(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Reads the encoded tables, never panicking: a truncated or corrupt input (which the build never
/// writes) stops decoding early.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn number(&mut self) -> Option<usize> {
        let mut n: usize = 0;
        for shift in (0..usize::BITS).step_by(7) {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= usize::from(byte & 0x7F).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn line(&mut self) -> Option<&'a [u8]> {
        let rest = self.bytes.get(self.at..)?;
        let end = rest.iter().position(|&b| b == b'\n')?;
        self.at += end + 1;
        Some(&rest[..end])
    }
}

/// Decodes a table written by [`encode`] into `key\tvalue…\n` lines in row order, the text the
/// lookups index. (The crate decodes with [`decode_with_rows`].)
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> String {
    decode_with_rows(bytes).0
}

/// [`decode`], also giving where each line ends its key, its first column and itself (byte
/// offsets of the tab, the next tab or line end, and the newline; the key's end for all three
/// when the table has no columns), so that the rows need not be found again by reading the text.
/// `None` for the rows when the text is not UTF-8 (the build never writes such a table): its
/// repaired text has other offsets.
pub fn decode_with_rows(bytes: &[u8]) -> (String, Option<Vec<[u32; 3]>>) {
    let mut out = Vec::with_capacity(bytes.len() * 3);
    let mut lines = Vec::new();
    decode_into(bytes, &mut out, &mut lines);
    match String::from_utf8(out) {
        Ok(text) => (text, Some(lines)),
        Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), None),
    }
}

fn decode_into(bytes: &[u8], out: &mut Vec<u8>, lines: &mut Vec<[u32; 3]>) -> Option<()> {
    let mut reader = Reader { bytes, at: 0 };
    let columns = reader.number()?;
    let mut dictionaries = Vec::new();
    for _ in 0..columns {
        let count = reader.number()?;
        let mut values = Vec::new();
        for _ in 0..count {
            values.push(reader.line()?);
        }
        dictionaries.push(values);
    }
    let rows = reader.number()?;
    lines.reserve(rows.min(bytes.len()));
    let mut indices = Vec::new();
    for _ in 0..columns {
        let mut column = Vec::with_capacity(rows.min(bytes.len()));
        for _ in 0..rows {
            column.push(reader.number()?);
        }
        indices.push(column);
    }
    let keys = bytes.get(reader.at..)?;
    let mut key: Vec<u8> = Vec::new();
    let mut at = 0;
    for row in 0..rows {
        let drop = *keys.get(at)?;
        at += 1;
        let end = keys[at..]
            .iter()
            .position(|&b| b < 0x20)
            .map_or(keys.len(), |n| at + n);
        if drop == RESTART {
            key.clear();
        } else {
            key.truncate(key.len().saturating_sub(usize::from(drop)));
        }
        key.extend_from_slice(&keys[at..end]);
        at = end;
        out.extend_from_slice(&key);
        let key_end = offset(out)?;
        let mut first_end = key_end;
        for (at, (dictionary, column)) in dictionaries.iter().zip(&indices).enumerate() {
            out.push(b'\t');
            out.extend_from_slice(dictionary.get(*column.get(row)?)?);
            if at == 0 {
                first_end = offset(out)?;
            }
        }
        lines.push([key_end, first_end, offset(out)?]);
        out.push(b'\n');
    }
    Some(())
}

/// Where the text written so far ends, as the `u32` of a row's offsets.
fn offset(out: &[u8]) -> Option<u32> {
    u32::try_from(out.len()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rows: &[(&str, Vec<&str>)]) -> String {
        rows.iter()
            .map(|(key, values)| {
                let mut line = key.to_string();
                for value in values {
                    line.push('\t');
                    line.push_str(value);
                }
                line + "\n"
            })
            .collect()
    }

    #[test]
    fn decoding_gives_back_the_rows_in_order() {
        let rows: Vec<(&str, Vec<&str>)> = vec![
            ("bad", vec!["-2500", "adj"]),
            ("badly", vec!["-2100", "adv"]),
            ("good", vec!["1900", "adj"]),
            ("goodness", vec!["1900", "noun"]),
            (
                "a very long key that shares more than thirty-one bytes",
                vec!["1", "adj"],
            ),
            (
                "a very long key that shares more than thirty-one bytes too",
                vec!["2", "adj"],
            ),
            ("b", vec!["2", "adj"]),
            ("❤", vec!["3000", "emoji"]),
            ("❤\u{200D}🔥", vec!["3000", "emoji"]),
        ];
        assert_eq!(decode(&encode(2, &rows)), text(&rows));
    }

    #[test]
    fn many_distinct_values_and_no_columns() {
        let keys: Vec<String> = (0..1000).map(|i| format!("k{i:04}")).collect();
        let values: Vec<String> = (0..1000).map(|i| (i * 7).to_string()).collect();
        let rows: Vec<(&str, Vec<&str>)> = keys
            .iter()
            .zip(&values)
            .map(|(k, v)| (k.as_str(), vec![v.as_str()]))
            .collect();
        assert_eq!(decode(&encode(1, &rows)), text(&rows));
        let bare: Vec<(&str, Vec<&str>)> = keys.iter().map(|k| (k.as_str(), vec![])).collect();
        assert_eq!(decode(&encode(0, &bare)), text(&bare));
        assert_eq!(decode(&encode(1, &[])), "");
    }

    #[test]
    fn the_rows_are_where_the_key_the_first_column_and_the_line_end() {
        let rows: Vec<(&str, Vec<&str>)> = vec![
            ("bad", vec!["-2500", "adj"]),
            ("badly", vec!["", "adv"]),
            ("❤", vec!["3000", ""]),
        ];
        let (text, lines) = decode_with_rows(&encode(2, &rows));
        let lines = lines.expect("UTF-8");
        assert_eq!(lines.len(), rows.len());
        let mut start = 0;
        for ((key, values), [key_end, first_end, end]) in rows.iter().zip(lines) {
            let [key_end, first_end, end] = [key_end, first_end, end].map(|at| at as usize);
            assert_eq!(&text[start..key_end], *key);
            assert_eq!(&text[key_end + 1..first_end], values[0]);
            assert_eq!(&text[key_end + 1..end], values.join("\t"));
            assert_eq!(&text[end..end + 1], "\n");
            start = end + 1;
        }
        // Without columns, the key ends where the line does.
        let bare: Vec<(&str, Vec<&str>)> = vec![("uno", vec![]), ("due", vec![])];
        let (text, lines) = decode_with_rows(&encode(0, &bare));
        assert_eq!(text, "uno\ndue\n");
        assert_eq!(lines, Some(vec![[3, 3, 3], [7, 7, 7]]));
    }

    #[test]
    fn corrupt_input_decodes_partially_without_panicking() {
        let rows: Vec<(&str, Vec<&str>)> = vec![("uno", vec!["1"]), ("due", vec!["2"])];
        let bytes = encode(1, &rows);
        for end in 0..bytes.len() {
            // The rows found are rows of the text decoded so far.
            let (text, lines) = decode_with_rows(&bytes[..end]);
            for [_, _, line_end] in lines.unwrap_or_default() {
                assert_eq!(text.as_bytes().get(line_end as usize), Some(&b'\n'));
            }
        }
        let mut flipped = bytes.clone();
        for i in 0..flipped.len() {
            flipped[i] ^= 0xFF;
            let _ = decode(&flipped);
            flipped[i] ^= 0xFF;
        }
        assert_eq!(decode(&bytes), "uno\t1\ndue\t2\n");
    }
}
