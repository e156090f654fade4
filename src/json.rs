//! Results as JSON text, which JavaScript turns into plain objects with one `JSON.parse` (used by
//! the thread API, `src/wasm/thread.rs`).
//!
//! A serde `Serializer` writing into a `String`. Building objects field by field from Rust (as
//! serde-wasm-bindgen does) crosses the boundary for every key and value and compiles a
//! JavaScript call per field; here a whole explained score or thread report crosses once, as
//! text, and the code is a small writer. The output is what the CLI's JSON has: absent values are
//! `null`, maps are objects, numbers are written in their shortest form that reads back to the
//! same `f64` (so JavaScript gets exactly the values the core computed); a non-finite number, which
//! JSON cannot hold, becomes `null` as in `serde_json`.

use std::fmt::{self, Write};

use serde::ser::{self, Serialize};

/// Writes `value` as JSON.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = Json(String::with_capacity(256));
    value.serialize(&mut out)?;
    Ok(out.0)
}

/// A value that cannot be written (a map key that is not a string or a number).
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }
}

struct Json(String);

impl Json {
    fn string(&mut self, text: &str) {
        self.0.push('"');
        let mut start = 0;
        for (i, byte) in text.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            self.0.push_str(&text[start..i]);
            if escape.is_empty() {
                let _ = write!(self.0, "\\u{byte:04x}");
            } else {
                self.0.push_str(escape);
            }
            start = i + 1;
        }
        self.0.push_str(&text[start..]);
        self.0.push('"');
    }

    fn number(&mut self, value: impl fmt::Display) {
        let _ = write!(self.0, "{value}");
    }

    /// `{"variant":` for the externally tagged enum variants that carry data.
    fn open_variant(&mut self, variant: &str) {
        self.0.push('{');
        self.string(variant);
        self.0.push(':');
    }
}

/// An array or object being written; `first` tells whether a comma is due.
struct Compound<'a> {
    json: &'a mut Json,
    first: bool,
    /// Closes the `{"variant":` of an enum variant too.
    variant: bool,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.json.0.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.json)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma();
        self.json.string(key);
        self.json.0.push(':');
        value.serialize(&mut *self.json)
    }

    fn close(self, bracket: char) -> Result<(), Error> {
        self.json.0.push(bracket);
        if self.variant {
            self.json.0.push('}');
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if v.is_finite() {
            self.number(v);
        } else {
            self.0.push_str("null");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.0.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.0.push('[');
        Ok(Compound {
            json: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.0.push('[');
        Ok(Compound {
            json: self,
            first: true,
            variant: true,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.0.push('{');
        Ok(Compound {
            json: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.0.push('{');
        Ok(Compound {
            json: self,
            first: true,
            variant: true,
        })
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']')
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        // JSON keys are strings: a number key is written as its text, as serde_json does.
        let start = self.json.0.len();
        key.serialize(&mut *self.json)?;
        if !self.json.0[start..].starts_with('"') {
            if self.json.0[start..].starts_with(['{', '[', 'n', 't', 'f']) {
                return Err(Error("a map key must be a string or a number".into()));
            }
            self.json.0.insert(start, '"');
            self.json.0.push('"');
        }
        self.json.0.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}')
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}')
    }
}

#[cfg(test)]
mod tests {
    use super::to_json;
    use serde_json::Value;

    /// The same structure as serde_json gives: key order, skipped fields, `null`s and nesting
    /// (serde_json's `Value` written back by this writer, since serde_json's own float parsing
    /// and its integer/float distinction are not JavaScript's), and valid JSON.
    fn same_as_serde_json<T: serde::Serialize>(value: &T) {
        let ours = to_json(value).expect("writes");
        let reference = to_json(&serde_json::to_value(value).unwrap()).unwrap();
        assert_eq!(ours, reference);
        serde_json::from_str::<Value>(&ours).expect("valid JSON");
    }

    #[test]
    fn strings_are_escaped() {
        let text = "quote \" back \\ newline \n tab \t nul \u{0} bell \u{7} emoji 😡 à";
        let written = to_json(text).unwrap();
        assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text);
    }

    #[test]
    fn explained_scores_match_serde_json() {
        for text in [
            "The food was not good, but the staff were AMAZING!!",
            "Sei proprio un idiota 😡, stai zitto",
            "bellissime foto \"quote\" \\ back\nslash\t\u{1}",
            "",
        ] {
            let options = crate::Options {
                explain: true,
                ..Default::default()
            };
            same_as_serde_json(&crate::score_with(text, options));
        }
    }

    #[test]
    fn thread_reports_match_serde_json() {
        for entry in std::fs::read_dir("tests/data/threads").expect("fixtures") {
            let path = entry.unwrap().path();
            let fixture: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let inputs: Vec<crate::thread::CommentInput> =
                serde_json::from_value(fixture["comments"].clone()).unwrap();
            let mut thread = crate::Thread::new(crate::ThreadOptions {
                sla_minutes: Some(30.0),
                ..Default::default()
            });
            for input in inputs {
                let _ = thread.add_input(input);
            }
            same_as_serde_json(&thread.report());
        }
    }

    #[test]
    fn numbers_read_back_exactly_and_non_finite_is_null() {
        let values = [
            0.1 + 0.2,
            -0.0,
            1e-7,
            1e300,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            3.0,
        ];
        let text = to_json(&values).unwrap();
        serde_json::from_str::<Value>(&text).expect("valid JSON");
        // Rust's own parsing is exact, as JavaScript's is.
        let parsed = text.trim_matches(['[', ']']).split(',');
        for (value, back) in values.iter().zip(parsed) {
            match back {
                "null" => assert!(!value.is_finite(), "{text}"),
                back => assert_eq!(
                    back.parse::<f64>().unwrap().to_bits(),
                    value.to_bits(),
                    "{text}"
                ),
            }
        }
    }
}
