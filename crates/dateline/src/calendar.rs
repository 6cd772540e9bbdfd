//! Civil dates: the small amount of calendar arithmetic the engine needs
//! (publication dates, and later the anchor for relative time expressions).
//!
//! Proleptic Gregorian calendar, days counted from 1970-01-01.

use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// 0 for Monday .. 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }
}

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Date {
    /// A valid date, or `None`. Years are limited to 1..=9999 (ISO 8601 basic range).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }
    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it lies in years 1..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m, d)
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.to_days() + 3).rem_euclid(7) {
            0 => Weekday::Mon,
            1 => Weekday::Tue,
            2 => Weekday::Wed,
            3 => Weekday::Thu,
            4 => Weekday::Fri,
            5 => Weekday::Sat,
            _ => Weekday::Sun,
        }
    }

    /// ISO 8601 week-numbering year and week (1..=53).
    pub fn iso_week(self) -> (i32, u8) {
        let wd = i64::from(self.weekday().index()); // Monday = 0
        let thursday = self.to_days() - wd + 3;
        let th = Date::from_days(thursday).unwrap_or(self);
        let jan1 = Date { year: th.year, month: 1, day: 1 }.to_days();
        (th.year, ((thursday - jan1) / 7 + 1) as u8)
    }

    /// Reads a publication date in the forms news feeds and pages use:
    /// `2023-12-20`, `2023-12-20T09:30:00Z` (the date as written, no zone shift),
    /// `2023/12/20`, `20231220`, `December 20, 2023`, `20 Dec 2023`,
    /// `Wed, 20 Dec 2023 10:00:00 GMT` (RFC 2822), and `12/20/2023`.
    ///
    /// Numeric day/month orders follow one documented rule: `A/B/YYYY` is
    /// month/day (US) unless `A` cannot be a month, then day/month.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        // ISO forms: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, each optionally followed by a time.
        if b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) {
            let year: i32 = s[..4].parse().ok()?;
            if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
                let m = two_digits(&b[5..7])?;
                let d = two_digits(&b[8..10])?;
                if b.len() == 10 || !b[10].is_ascii_digit() {
                    return Date::new(year, m, d);
                }
            }
            if b[4..8].iter().all(u8::is_ascii_digit) && (b.len() == 8 || !b[8].is_ascii_digit()) {
                return Date::new(year, two_digits(&b[4..6])?, two_digits(&b[6..8])?);
            }
            return None;
        }
        // Words and numbers: month names, a day, a four-digit year; weekdays and times ignored.
        let mut month = None;
        let mut nums: Vec<(u32, usize)> = Vec::new(); // (value, digit count) before any time-of-day
        for word in s.split(|c: char| !c.is_alphanumeric() && c != ':') {
            if word.is_empty() || word.contains(':') {
                continue;
            }
            if word.bytes().all(|c| c.is_ascii_digit()) {
                if word.len() <= 4 {
                    nums.push((word.parse().ok()?, word.len()));
                }
                continue;
            }
            let w = word;
            if month.is_none() {
                month = month_from_name(w);
            }
            // Ordinal day "20th": digits followed by a suffix.
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() && matches!(&w[digits.len()..].to_ascii_lowercase()[..], "st" | "nd" | "rd" | "th") {
                nums.push((digits.parse().ok()?, digits.len()));
            }
        }
        let year = nums.iter().find(|n| n.1 == 4)?.0;
        let year = i32::try_from(year).ok()?;
        let small: Vec<u32> = nums.iter().filter(|n| n.1 <= 2).map(|n| n.0).collect();
        match (month, small.as_slice()) {
            (Some(m), [d, ..]) => Date::new(year, m, u8::try_from(*d).ok()?),
            (None, [a, b, ..]) => {
                let (a, b) = (u8::try_from(*a).ok()?, u8::try_from(*b).ok()?);
                if a <= 12 {
                    Date::new(year, a, b)
                } else {
                    Date::new(year, b, a)
                }
            }
            _ => None,
        }
    }
}

fn two_digits(b: &[u8]) -> Option<u8> {
    if b.len() == 2 && b.iter().all(u8::is_ascii_digit) {
        Some((b[0] - b'0') * 10 + (b[1] - b'0'))
    } else {
        None
    }
}

/// Month number for an English month name or its common abbreviation
/// ("Dec", "Sept", "December"), case-insensitive.
pub fn month_from_name(w: &str) -> Option<u8> {
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    let lw = w.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lw || (lw.len() == 3 && m.starts_with(&lw)) || (lw == "sept" && *m == "september"))
        .map(|i| i as u8 + 1)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        Date::parse(s).map(|d| d.to_string())
    }

    #[test]
    fn parses_feed_and_page_date_forms() {
        assert_eq!(d("2023-12-20").as_deref(), Some("2023-12-20"));
        assert_eq!(d("2023-12-20T23:30:00+02:00").as_deref(), Some("2023-12-20"));
        assert_eq!(d("2023/12/20").as_deref(), Some("2023-12-20"));
        assert_eq!(d("20231220").as_deref(), Some("2023-12-20"));
        assert_eq!(d("December 20, 2023").as_deref(), Some("2023-12-20"));
        assert_eq!(d("20 Dec 2023").as_deref(), Some("2023-12-20"));
        assert_eq!(d("Wed, 20 Dec 2023 10:00:00 GMT").as_deref(), Some("2023-12-20"));
        assert_eq!(d("Sept. 3, 2024 at 4:15 p.m.").as_deref(), Some("2024-09-03"));
        assert_eq!(d("12/20/2023").as_deref(), Some("2023-12-20"));
        assert_eq!(d("20/12/2023").as_deref(), Some("2023-12-20"));
        assert_eq!(d("March 3rd 2022").as_deref(), Some("2022-03-03"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for s in ["", "yesterday", "2023-02-30", "2023-13-01", "December 2023", "12345", "99999999", "2023-12-2"] {
            assert_eq!(d(s), None, "{s:?}");
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let a = Date::new(2023, 12, 20).unwrap();
        assert_eq!(a.weekday(), Weekday::Wed);
        assert_eq!(a.add_days(12).unwrap().to_string(), "2024-01-01");
        assert_eq!(a.add_days(-20).unwrap().to_string(), "2023-11-30");
        assert_eq!(Date::new(2024, 2, 29).unwrap().add_days(365).unwrap().to_string(), "2025-02-28");
        for days in [-719_162i64, -1, 0, 1, 19_711, 2_932_896] {
            assert_eq!(Date::from_days(days).unwrap().to_days(), days);
        }
        assert_eq!(Date::from_days(2_932_897), None); // 10000-01-01
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), Weekday::Thu);
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(Date::new(2023, 12, 20).unwrap().iso_week(), (2023, 51));
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2024, 12, 30).unwrap().iso_week(), (2025, 1));
    }
}
