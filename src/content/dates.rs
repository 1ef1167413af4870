//! Parsing the date forms front matter accepts (SPEC §2).
//!
//! `2025-11-27`, `2025-11-27 10:30`, `2025-11-27 10:30:00`, `2025-11-27 10:30:00 +0300` and RFC 3339
//! (`2025-11-27T10:30:00+03:00`, `…Z`). Without an offset the site's time zone applies. The errors
//! say which part is wrong ("hour 24 is out of range (00–23)") so an editor can fix it at once.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};

/// A parsed publication time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PubDate {
    /// The instant, in the site's time zone.
    pub zoned: ZonedDateTime,
    /// Whether the author gave a time of day (a date alone shows no time).
    pub has_time: bool,
}

impl PubDate {
    pub fn timestamp(&self) -> Timestamp {
        self.zoned.timestamp()
    }
}

const FORMS: &str = "write it as 2025-11-27, 2025-11-27 10:30, 2025-11-27 10:30:00 +0300 or 2025-11-27T10:30:00+03:00";

/// Parses `text` as a front matter date, in `tz` unless it carries an offset.
pub fn parse(text: &str, tz: &TimeZone) -> Result<PubDate, (String, &'static str)> {
    let s = text.trim();
    let bad = |what: String| (what, FORMS);
    // The time follows the date (YYYY-MM-DD, 10 characters) after `T`, `t` or a space.
    let (date_part, rest) = match s.get(10..11) {
        Some("T" | "t" | " ") => (&s[..10], s[11..].trim_start()),
        _ => (s, ""),
    };
    let date = parse_date(date_part).map_err(bad)?;
    if rest.is_empty() {
        let dt = date.to_datetime(Time::midnight());
        let zoned = dt.to_zoned_datetime(tz.clone()).map_err(|e| {
            bad(format!(
                "date `{s}` does not exist in the site's time zone: {e}"
            ))
        })?;
        return Ok(PubDate {
            zoned,
            has_time: false,
        });
    }
    // Split the time from an optional offset: `10:30`, `10:30:00`, `10:30:00+03:00`, `10:30 +0300`, `…Z`.
    let off_at = rest.find(['+', '-', 'Z', 'z', ' ']);
    let (time_part, off_part) = match off_at {
        Some(i) => (&rest[..i], rest[i..].trim()),
        None => (rest, ""),
    };
    let time = parse_time(time_part).map_err(bad)?;
    let dt = DateTime::from_parts(date, time);
    let zoned = if off_part.is_empty() {
        dt.to_zoned_datetime(tz.clone()).map_err(|e| {
            bad(format!(
                "time `{s}` does not exist in the site's time zone: {e}"
            ))
        })?
    } else {
        let offset = parse_offset(off_part).map_err(bad)?;
        let ts = offset
            .to_timestamp(dt)
            .map_err(|e| bad(format!("date `{s}` is out of range: {e}")))?;
        ts.to_zoned_datetime(tz.clone())
    };
    Ok(PubDate {
        zoned,
        has_time: true,
    })
}

fn number(part: &str, what: &str, full: &str) -> Result<i64, String> {
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) || part.len() > 4 {
        return Err(format!(
            "`{full}` is not a date: the {what} `{part}` is not a number"
        ));
    }
    part.parse().map_err(|_| format!("`{full}`: bad {what}"))
}

fn parse_date(s: &str) -> Result<Date, String> {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return Err(format!("`{s}` is not a date (expected YYYY-MM-DD)"));
    }
    let year = number(parts[0], "year", s)?;
    let month = number(parts[1], "month", s)?;
    let day = number(parts[2], "day", s)?;
    if parts[1].len() > 2 || !(1..=12).contains(&month) {
        return Err(format!("month {month} is out of range (01–12) in `{s}`"));
    }
    if parts[2].len() > 2 || !(1..=31).contains(&day) {
        return Err(format!("day {day} is out of range (01–31) in `{s}`"));
    }
    Date::new(year as i16, month as i8, day as i8)
        .map_err(|_| format!("day {day} is out of range for {year}-{month:02} in `{s}`"))
}

fn parse_time(s: &str) -> Result<Time, String> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return Err(format!("`{s}` is not a time (expected HH:MM or HH:MM:SS)"));
    }
    let hour = number(parts[0], "hour", s)?;
    let minute = number(parts[1], "minute", s)?;
    let (second, nanos) = match parts.get(2) {
        None => (0, 0),
        Some(sec) => {
            let (whole, frac) = sec.split_once(['.', ',']).unwrap_or((sec, ""));
            let second = number(whole, "second", s)?;
            let mut nanos = 0i64;
            if !frac.is_empty() {
                if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("`{s}` has a bad fraction of a second"));
                }
                nanos = format!("{frac:0<9}").parse().unwrap_or(0);
            }
            (second, nanos)
        }
    };
    if hour > 23 {
        return Err(format!("hour {hour} is out of range (00–23) in `{s}`"));
    }
    if minute > 59 {
        return Err(format!("minute {minute} is out of range (00–59) in `{s}`"));
    }
    if second > 59 {
        return Err(format!("second {second} is out of range (00–59) in `{s}`"));
    }
    Time::new(hour as i8, minute as i8, second as i8, nanos as i32)
        .map_err(|e| format!("`{s}` is not a time: {e}"))
}

fn parse_offset(s: &str) -> Result<Offset, String> {
    if s.eq_ignore_ascii_case("z") {
        return Ok(Offset::UTC);
    }
    let sign = match s.chars().next() {
        Some('+') => 1,
        Some('-') => -1,
        _ => {
            return Err(format!(
                "`{s}` is not a UTC offset (expected +03:00, +0300 or Z)"
            ))
        }
    };
    let digits: String = s[1..].chars().filter(|c| *c != ':').collect();
    if !(digits.len() == 4 || digits.len() == 2) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{s}` is not a UTC offset (expected +03:00, +0300 or Z)"
        ));
    }
    let h: i32 = digits[..2].parse().unwrap_or(99);
    let m: i32 = if digits.len() == 4 {
        digits[2..].parse().unwrap_or(99)
    } else {
        0
    };
    if h > 14 || m > 59 {
        return Err(format!("UTC offset `{s}` is out of range"));
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).map_err(|e| format!("UTC offset `{s}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn riyadh() -> TimeZone {
        TimeZone::get("Asia/Riyadh").unwrap_or(TimeZone::UTC)
    }

    fn rfc(s: &str) -> String {
        match parse(s, &riyadh()) {
            Ok(d) => d.timestamp().to_string(),
            Err((e, _)) => format!("ERR {e}"),
        }
    }

    #[test]
    fn accepts_every_documented_form() {
        assert_eq!(rfc("2025-11-27"), "2025-11-26T21:00:00Z");
        assert_eq!(rfc("2025-11-27 10:30"), "2025-11-27T07:30:00Z");
        assert_eq!(rfc("2025-11-27 10:30:00"), "2025-11-27T07:30:00Z");
        assert_eq!(rfc("2025-11-27 10:30:00 +0300"), "2025-11-27T07:30:00Z");
        assert_eq!(rfc("2025-11-27T10:30:00+03:00"), "2025-11-27T07:30:00Z");
        assert_eq!(rfc("2025-11-27T07:30:00Z"), "2025-11-27T07:30:00Z");
        assert_eq!(rfc("2025-11-27T10:30:00.5-01:00"), "2025-11-27T11:30:00.5Z");
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(
            rfc("2025-11-27 24:00"),
            "ERR hour 24 is out of range (00–23) in `24:00`"
        );
        assert_eq!(
            rfc("2025-13-01"),
            "ERR month 13 is out of range (01–12) in `2025-13-01`"
        );
        assert_eq!(
            rfc("2025-02-30"),
            "ERR day 30 is out of range for 2025-02 in `2025-02-30`"
        );
        assert_eq!(
            rfc("27/11/2025"),
            "ERR `27/11/2025` is not a date (expected YYYY-MM-DD)"
        );
        assert!(parse("2025-11-27 10:30 +3", &riyadh()).is_err());
        // once cast to a byte, day 257 was published as day 1
        assert_eq!(
            rfc("2025-01-257"),
            "ERR day 257 is out of range (01–31) in `2025-01-257`"
        );
        assert_eq!(
            rfc("2025-269-01"),
            "ERR month 269 is out of range (01–12) in `2025-269-01`"
        );
        assert_eq!(
            rfc("2025-01-01 10:300"),
            "ERR minute 300 is out of range (00–59) in `10:300`"
        );
    }
}
