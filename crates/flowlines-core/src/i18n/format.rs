//! Numbers and dates written the way each language writes them: digit grouping, day and
//! month names, dates as precise as their source, periods.

use super::{tf, Lang};
use crate::date::{date_of, DatePrecision, DateSpec, Day, Period};
use chrono::Datelike;

/// A whole number with the digit grouping of `lang`: `11,000` in English and Korean,
/// `11 000` (with a narrow no-break space) in Ukrainian and Russian.
pub fn format_number(v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let sep = match lang {
        Lang::En | Lang::Ko => ",",
        Lang::Uk | Lang::Ru => "\u{202f}",
    };
    let n = v.round().abs() as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    if v.round() < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_UK: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A day as `lang` writes a date: `20 October 2024`, `2024년 10월 20일`, `20 жовтня 2024`,
/// `20 октября 2024`.
///
/// ```
/// use flowlines_core::date::parse_day;
/// use flowlines_core::i18n::{format_date, Lang};
///
/// let day = parse_day("2024-10-20").unwrap(); // days since 1970-01-01
/// assert_eq!(format_date(day, Lang::En), "20 October 2024");
/// assert_eq!(format_date(day, Lang::Ko), "2024년 10월 20일");
/// assert_eq!(format_date(day, Lang::Uk), "20 жовтня 2024");
/// ```
pub fn format_date(day: Day, lang: Lang) -> String {
    let Some(d) = date_of(day) else {
        return String::new();
    };
    let (y, m, dd) = (d.year(), d.month0() as usize, d.day());
    match lang {
        Lang::En => format!("{dd} {} {y}", MONTHS_EN[m]),
        Lang::Ko => format!("{y}년 {}월 {dd}일", m + 1),
        Lang::Uk => format!("{dd} {} {y}", MONTHS_UK[m]),
        Lang::Ru => format!("{dd} {} {y}", MONTHS_RU[m]),
    }
}

/// Month names standing alone ("October 2024"), where Ukrainian and Russian use the nominative.
const MONTHS_ALONE_UK: [&str; 12] = [
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
];
const MONTHS_ALONE_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// A date as precise as its source, as `lang` writes it: a day (`20 October 2024`), a month
/// (`October 2024`, `2024년 10월`, `жовтень 2024`), a season (`autumn 2023`), a quarter
/// (`Q3 2024`, `2024년 3분기`, `III квартал 2024`), a half (`first half of 2024`) or a year.
pub fn format_date_spec(spec: &DateSpec, lang: Lang) -> String {
    if date_of(spec.first()).is_none() {
        return spec.as_str().to_string();
    }
    format_when(spec.first(), spec.precision(), lang)
}

/// A date given by its first day and its precision, as [`format_date_spec`] writes it.
pub fn format_when(first_day: Day, precision: DatePrecision, lang: Lang) -> String {
    let Some(first) = date_of(first_day) else {
        return String::new();
    };
    let (y, m) = (first.year(), first.month0() as usize);
    match precision {
        DatePrecision::Day => format_date(first_day, lang),
        DatePrecision::Month => match lang {
            Lang::En => format!("{} {y}", MONTHS_EN[m]),
            Lang::Ko => format!("{y}년 {}월", m + 1),
            Lang::Uk => format!("{} {y}", MONTHS_ALONE_UK[m]),
            Lang::Ru => format!("{} {y}", MONTHS_ALONE_RU[m]),
        },
        DatePrecision::Season => {
            // Seasons start in March, June, September and December (months 2, 5, 8, 11 from 0).
            let k = m / 3;
            let names = match lang {
                Lang::En => ["spring", "summer", "autumn", "winter"],
                Lang::Ko => ["봄", "여름", "가을", "겨울"],
                Lang::Uk => ["весна", "літо", "осінь", "зима"],
                Lang::Ru => ["весна", "лето", "осень", "зима"],
            };
            match lang {
                Lang::Ko => format!("{y}년 {}", names[k]),
                _ => format!("{} {y}", names[k]),
            }
        }
        DatePrecision::Quarter => {
            let q = m / 3;
            match lang {
                Lang::En => format!("Q{} {y}", q + 1),
                Lang::Ko => format!("{y}년 {}분기", q + 1),
                Lang::Uk | Lang::Ru => format!("{} квартал {y}", ROMAN[q]),
            }
        }
        DatePrecision::Half => {
            let h = usize::from(m >= 6);
            match lang {
                Lang::En => format!("{} half of {y}", ["first", "second"][h]),
                Lang::Ko => format!("{y}년 {}", ["상반기", "하반기"][h]),
                Lang::Uk => format!("{} півріччя {y}", ["перше", "друге"][h]),
                Lang::Ru => format!("{} полугодие {y}", ["первое", "второе"][h]),
            }
        }
        DatePrecision::Year => match lang {
            Lang::Ko => format!("{y}년"),
            _ => y.to_string(),
        },
    }
}

/// A period as `lang` writes it: one date when it starts and ends on the same date, else
/// "START to END" ("START – END" in Ukrainian and Russian, which keeps each date in the
/// nominative).
pub fn format_period(period: &Period, lang: Lang) -> String {
    let start = format_date_spec(&period.start, lang);
    if period.start == period.end {
        return start;
    }
    tf(
        lang,
        "period_to",
        &[&start, &format_date_spec(&period.end, lang)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_day;

    #[test]
    fn numbers_are_grouped_the_way_each_language_groups_them() {
        assert_eq!(format_number(11000.0, Lang::En), "11,000");
        assert_eq!(format_number(9_000_000.0, Lang::Ko), "9,000,000");
        assert_eq!(format_number(11000.0, Lang::Uk), "11\u{202f}000");
        assert_eq!(format_number(6700.4, Lang::Ru), "6\u{202f}700");
    }

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let day = parse_day("2024-10-20").unwrap();
        assert_eq!(format_date(day, Lang::En), "20 October 2024");
        assert_eq!(format_date(day, Lang::Ko), "2024년 10월 20일");
        assert_eq!(format_date(day, Lang::Uk), "20 жовтня 2024");
        assert_eq!(format_date(day, Lang::Ru), "20 октября 2024");
    }

    #[test]
    fn dates_as_precise_as_their_source_are_written_in_each_language() {
        let spec = |s: &str| s.parse::<DateSpec>().unwrap();
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::En), "October 2024");
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::Ko), "2024년 10월");
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::Uk), "жовтень 2024");
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::Ru), "октябрь 2024");
        assert_eq!(
            format_date_spec(&spec("2023-fall"), Lang::En),
            "autumn 2023"
        );
        assert_eq!(
            format_date_spec(&spec("2023-winter"), Lang::Ko),
            "2023년 겨울"
        );
        assert_eq!(
            format_date_spec(&spec("2024-Q3"), Lang::Ru),
            "III квартал 2024"
        );
        assert_eq!(
            format_date_spec(&spec("2024-H2"), Lang::Uk),
            "друге півріччя 2024"
        );
        assert_eq!(format_date_spec(&spec("2024"), Lang::Ko), "2024년");
    }

    #[test]
    fn a_period_is_one_date_or_a_range_in_the_readers_words() {
        let period = |s: &str| s.parse::<Period>().unwrap();
        assert_eq!(
            format_period(&period("2023-08/2024-02-27"), Lang::En),
            "August 2023 to 27 February 2024"
        );
        assert_eq!(
            format_period(&period("2023-08/2024-02-27"), Lang::Ru),
            "август 2023 – 27 февраля 2024"
        );
        assert_eq!(
            format_period(&period("2024-10-13"), Lang::Ko),
            "2024년 10월 13일"
        );
    }
}
