//! Timestamps without a date library: milliseconds since the Unix epoch (UTC), parsed from
//! ISO-8601 / RFC 3339 text or taken from epoch milliseconds, as comment exports give them.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// A point in time: milliseconds since 1970-01-01T00:00:00Z. Serialised as ISO-8601 UTC text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Why a timestamp could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeError {
    /// What was expected at which position.
    pub reason: &'static str,
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO-8601 time: {}", self.reason)
    }
}

impl std::error::Error for TimeError {}

/// Earliest and latest accepted year: keeps every computation far from overflow.
const YEARS: std::ops::RangeInclusive<i64> = 1..=9999;

impl Timestamp {
    /// From milliseconds since the epoch.
    pub const fn from_millis(ms: i64) -> Timestamp {
        Timestamp(ms)
    }

    /// Milliseconds since the epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// Parses ISO-8601 / RFC 3339: `2024-05-01`, `2024-05-01T10:20`, `2024-05-01T10:20:30Z`,
    /// `2024-05-01 10:20:30.123+02:00`, `20240501T102030Z`. A time without an offset is read as
    /// UTC. Leap seconds (`:60`) are read as the next second's start.
    ///
    /// ```
    /// use polso::thread::Timestamp;
    /// let t = Timestamp::parse("2015-01-07T11:07:51Z").unwrap();
    /// assert_eq!(t.millis(), 1_420_628_871_000);
    /// assert_eq!(Timestamp::parse("2015-01-07T12:07:51+01:00"), Ok(t));
    /// assert!(Timestamp::parse("yesterday").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Timestamp, TimeError> {
        let mut p = Cursor {
            bytes: text.trim().as_bytes(),
            at: 0,
        };
        let err = |reason| Err(TimeError { reason });
        let year = p.digits(4).ok_or(TimeError {
            reason: "expected a four-digit year",
        })?;
        let extended = p.eat(b'-');
        let month = p.digits(2).ok_or(TimeError {
            reason: "expected a two-digit month",
        })?;
        if extended && !p.eat(b'-') {
            return err("expected '-' between month and day");
        }
        let day = p.digits(2).ok_or(TimeError {
            reason: "expected a two-digit day",
        })?;
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return err("year or month out of range");
        }
        if day < 1 || day > days_in_month(year, month) {
            return err("day out of range for the month");
        }
        let (mut hour, mut minute, mut second, mut millis) = (0, 0, 0, 0);
        let mut offset_minutes = 0i64;
        if p.eat(b'T') || p.eat(b't') || p.eat(b' ') {
            hour = p.digits(2).ok_or(TimeError {
                reason: "expected a two-digit hour",
            })?;
            let extended = p.eat(b':');
            minute = p.digits(2).ok_or(TimeError {
                reason: "expected two-digit minutes",
            })?;
            if (extended && p.eat(b':')) || (!extended && p.peek_digit()) {
                second = p.digits(2).ok_or(TimeError {
                    reason: "expected two-digit seconds",
                })?;
                if p.eat(b'.') || p.eat(b',') {
                    let start = p.at;
                    let mut scale = 100;
                    while let Some(d) = p.digit() {
                        millis += d * scale;
                        scale /= 10;
                    }
                    if p.at == start {
                        return err("expected digits after the decimal point");
                    }
                }
            }
            if hour > 24 || minute > 59 || second > 60 || (hour == 24 && minute + second > 0) {
                return err("time of day out of range");
            }
            if p.eat(b'Z') || p.eat(b'z') {
            } else if let Some(sign) = p.sign() {
                let hours = p.digits(2).ok_or(TimeError {
                    reason: "expected a two-digit offset hour",
                })?;
                let _ = p.eat(b':');
                let minutes = if p.peek_digit() {
                    p.digits(2).ok_or(TimeError {
                        reason: "expected two-digit offset minutes",
                    })?
                } else {
                    0
                };
                if hours > 23 || minutes > 59 {
                    return err("offset out of range");
                }
                offset_minutes = sign * (hours * 60 + minutes);
            }
        }
        if p.at != p.bytes.len() {
            return err("unexpected text after the time");
        }
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
        Ok(Timestamp(seconds * 1_000 + millis))
    }

    /// The time as ISO-8601 UTC text with millisecond precision when it has any.
    pub fn to_iso8601(self) -> String {
        let ms = self.0.rem_euclid(1_000);
        let seconds = self.0.div_euclid(1_000);
        let days = seconds.div_euclid(86_400);
        let of_day = seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let (hh, mm, ss) = (of_day / 3_600, of_day / 60 % 60, of_day % 60);
        if ms == 0 {
            format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
        } else {
            format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{ms:03}Z")
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso8601())
    }
}

/// Read from ISO-8601 text or a whole number of epoch milliseconds.
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        struct TimestampVisitor;
        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an ISO-8601 time such as \"2024-05-01T10:00:00Z\" or epoch milliseconds",
                )
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
                Timestamp::parse(text).map_err(|e| E::custom(format!("{e} (in {text:?})")))
            }
            fn visit_i64<E: de::Error>(self, ms: i64) -> Result<Timestamp, E> {
                Ok(Timestamp::from_millis(ms))
            }
            fn visit_u64<E: de::Error>(self, ms: u64) -> Result<Timestamp, E> {
                i64::try_from(ms)
                    .map(Timestamp::from_millis)
                    .map_err(|_| E::custom(format!("{ms} ms is too far in the future")))
            }
            fn visit_f64<E: de::Error>(self, ms: f64) -> Result<Timestamp, E> {
                if ms.is_finite() && ms.abs() < 9.0e15 {
                    Ok(Timestamp::from_millis(ms as i64))
                } else {
                    Err(E::custom(format!(
                        "{ms} is not a time in epoch milliseconds"
                    )))
                }
            }
        }
        deserializer.deserialize_any(TimestampVisitor)
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn eat(&mut self, b: u8) -> bool {
        if self.bytes.get(self.at) == Some(&b) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn peek_digit(&self) -> bool {
        self.bytes.get(self.at).is_some_and(u8::is_ascii_digit)
    }

    fn digit(&mut self) -> Option<i64> {
        let b = *self.bytes.get(self.at)?;
        if b.is_ascii_digit() {
            self.at += 1;
            Some(i64::from(b - b'0'))
        } else {
            None
        }
    }

    fn digits(&mut self, n: usize) -> Option<i64> {
        let mut value = 0;
        for _ in 0..n {
            value = value * 10 + self.digit()?;
        }
        Some(value)
    }

    fn sign(&mut self) -> Option<i64> {
        if self.eat(b'+') {
            Some(1)
        } else if self.eat(b'-') || self.eat_str("\u{2212}") {
            Some(-1)
        } else {
            None
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        if self.bytes[self.at.min(self.bytes.len())..].starts_with(s.as_bytes()) {
            self.at += s.len();
            true
        } else {
            false
        }
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(text: &str) -> i64 {
        Timestamp::parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .millis()
    }

    #[test]
    fn known_instants() {
        assert_eq!(ms("1970-01-01T00:00:00Z"), 0);
        assert_eq!(ms("1970-01-01"), 0);
        assert_eq!(ms("2012-11-12T01:23:58Z"), 1_352_683_438_000);
        assert_eq!(ms("2000-02-29T12:00:00Z"), 951_825_600_000);
        assert_eq!(ms("1969-12-31T23:59:59Z"), -1_000);
        assert_eq!(
            ms("2024-05-01T10:20:30.5+02:00"),
            ms("2024-05-01T08:20:30.500Z")
        );
        assert_eq!(ms("2024-05-01 10:20:30"), ms("2024-05-01T10:20:30Z"));
        assert_eq!(ms("20240501T102030Z"), ms("2024-05-01T10:20:30Z"));
        assert_eq!(ms("2024-05-01T10:20-0130"), ms("2024-05-01T11:50Z"));
        assert_eq!(ms("2024-05-01T24:00:00Z"), ms("2024-05-02T00:00:00Z"));
        assert_eq!(ms("2024-05-01T10:20:30.123456Z") % 1000, 123);
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "2024",
            "2024-13-01",
            "2023-02-29",
            "2024-04-31",
            "2024-05-01T25:00",
            "2024-05-01T10:20:30Zjunk",
            "2024-05-01T10:20:30.",
            "2024-05-01T10:20+99:00",
            "0000-01-01",
            "٢٠٢٤-05-01",
            "2024-05-01T10:20:30−",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn round_trips() {
        for text in [
            "2015-01-07T11:07:51Z",
            "1999-12-31T23:59:59.999Z",
            "1960-03-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            assert_eq!(Timestamp::parse(text).unwrap().to_iso8601(), text);
        }
        for days in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
