//! Header values from `std::time`: a `Duration` as whole seconds and a `SystemTime` as an
//! HTTP date (IMF-fixdate, RFC 9110 §5.6.7), as `Retry-After` takes either. The derive
//! writes a header's `{field}` through [`HeaderTime`] when the field is declared one of
//! them; neither has a `Display` of its own.

use core::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A time a header value can carry.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `std::time::Duration` or `std::time::SystemTime`",
    label = "a header writes a field declared `Duration` or `SystemTime` as seconds or an HTTP date",
    note = "for another type of that name, pass the value as an argument: `header(\"Retry-After\" = \"{{}}\", .wait.num_seconds())`"
)]
pub trait HeaderTime {
    /// Writes the header value.
    ///
    /// # Errors
    ///
    /// When the time cannot be written (an HTTP date before 1970 or after 9999): the
    /// header is then dropped, with a warning, like any invalid value.
    fn write_header(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl HeaderTime for Duration {
    /// Whole seconds, rounded up: a client told to wait never retries early.
    fn write_header(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self
            .as_secs()
            .saturating_add(u64::from(self.subsec_nanos() > 0));
        write!(out, "{seconds}")
    }
}

impl HeaderTime for SystemTime {
    fn write_header(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self
            .duration_since(UNIX_EPOCH)
            .map_err(|_| fmt::Error)?
            .as_secs();
        write_http_date(seconds, out)
    }
}

/// A [`HeaderTime`] as a `Display`, for `format_args!`.
pub struct HeaderTimeValue<'a>(&'a dyn HeaderTime);

impl fmt::Display for HeaderTimeValue<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_header(out)
    }
}

/// `value` as a `Display`: what the derive writes for a header's `Duration` or
/// `SystemTime` field, a call so that a field of another type is one error, at the field.
pub fn header_time<T: HeaderTime>(value: &T) -> HeaderTimeValue<'_> {
    HeaderTimeValue(value)
}

/// The last second IMF-fixdate can write: 9999-12-31T23:59:59Z.
const LAST: u64 = 253_402_300_799;

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Sun, 06 Nov 1994 08:49:37 GMT` for `seconds` since the Unix epoch.
fn write_http_date(seconds: u64, out: &mut fmt::Formatter<'_>) -> fmt::Result {
    if seconds > LAST {
        return Err(fmt::Error);
    }
    let days = seconds / 86_400;
    let of_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[usize::try_from(days % 7).map_err(|_| fmt::Error)?];
    let month = MONTHS[usize::from(month - 1)];
    write!(
        out,
        "{weekday}, {day:02} {month} {year:04} {:02}:{:02}:{:02} GMT",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm,
/// for days since the epoch): year, month 1..=12, day 1..=31.
fn civil_from_days(days: u64) -> (u64, u8, u8) {
    // Days since 0000-03-01, so that the leap day ends each 400-year era.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    // Both fit: a day is at most 31, a month at most 12.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header<T: HeaderTime>(value: &T) -> Option<String> {
        let mut text = String::new();
        fmt::write(&mut text, format_args!("{}", header_time(value))).ok()?;
        Some(text)
    }

    fn date(seconds: u64) -> Option<String> {
        header(&(UNIX_EPOCH + Duration::from_secs(seconds)))
    }

    #[test]
    fn dates_are_imf_fixdate() {
        // RFC 9110 §5.6.7's own example.
        assert_eq!(
            date(784_111_777).as_deref(),
            Some("Sun, 06 Nov 1994 08:49:37 GMT")
        );
        assert_eq!(date(0).as_deref(), Some("Thu, 01 Jan 1970 00:00:00 GMT"));
        // Leap days: a year divisible by 400, and one after a century that is not.
        assert_eq!(
            date(951_782_400).as_deref(),
            Some("Tue, 29 Feb 2000 00:00:00 GMT")
        );
        assert_eq!(
            date(4_107_542_400).as_deref(),
            Some("Mon, 01 Mar 2100 00:00:00 GMT")
        );
        assert_eq!(
            date(1_445_412_480).as_deref(),
            Some("Wed, 21 Oct 2015 07:28:00 GMT")
        );
        assert_eq!(date(LAST).as_deref(), Some("Fri, 31 Dec 9999 23:59:59 GMT"));
    }

    #[test]
    fn dates_out_of_range_fail_instead_of_panicking() {
        assert_eq!(date(LAST + 1), None);
        assert_eq!(header(&(UNIX_EPOCH - Duration::from_secs(1))), None);
    }

    /// Each day after the previous one, from 1970 to 2400: the calendar never skips or
    /// repeats a day, and leap years are the Gregorian ones.
    #[test]
    fn calendar_walks_day_by_day() {
        let mut previous = civil_from_days(0);
        for days in 1..(430 * 366) {
            let (year, month, day) = civil_from_days(days);
            let (py, pm, pd) = previous;
            let leap = (py % 4 == 0 && py % 100 != 0) || py % 400 == 0;
            let length = match pm {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let expected = if pd < length {
                (py, pm, pd + 1)
            } else if pm < 12 {
                (py, pm + 1, 1)
            } else {
                (py + 1, 1, 1)
            };
            assert_eq!((year, month, day), expected, "day {days}");
            previous = (year, month, day);
        }
    }

    #[test]
    fn durations_are_whole_seconds_rounded_up() {
        assert_eq!(header(&Duration::from_secs(120)).as_deref(), Some("120"));
        assert_eq!(header(&Duration::ZERO).as_deref(), Some("0"));
        assert_eq!(header(&Duration::from_millis(1500)).as_deref(), Some("2"));
        assert_eq!(header(&Duration::MAX), Some(u64::MAX.to_string()));
    }
}
