//! `pushspec explain CODE`: a rule's long explanation, like `rustc --explain`.
//!
//! The severity comes from the catalogue ([`pushspec::catalog`]) and the text from
//! [`pushspec::explain`], so neither is written twice. An unknown code is a usage error
//! (status 2) that suggests the closest codes.

use std::io::{self, Write};

use pushspec::{Rule, catalog};

use crate::{Status, Streams, error, finish};

/// The most codes suggested for an unknown one.
const MAX_SUGGESTIONS: usize = 5;

/// Runs `pushspec explain code`.
pub(crate) fn run(code: &str, streams: Streams<'_>) -> Status {
    match catalog::find(code) {
        Some(rule) => finish(write(streams.stdout, rule), streams.stderr),
        None => {
            unknown(streams.stderr, code);
            Status::Error
        }
    }
}

/// Writes the explanation of `rule`: its code, its severity in both profiles, then the
/// text of its section.
fn write(out: &mut dyn Write, rule: &Rule) -> io::Result<()> {
    writeln!(out, "{}\nseverity: {}\n", rule.code, severity(rule))?;
    match pushspec::explain::explain(rule.code) {
        Some(text) => writeln!(out, "{text}")?,
        // Every catalogued code has a section (a library test makes sure); this is only a
        // fallback that still says something true.
        None => writeln!(out, "{}\n\nSource: {}", rule.summary, rule.source)?,
    }
    out.flush()
}

/// `error`, `warning`, `warning; error under --strict`, or a note that the code is retired.
fn severity(rule: &Rule) -> String {
    if catalog::RETIRED.iter().any(|r| r.code == rule.code) {
        return "none (retired: never emitted; the code stays reserved)".to_owned();
    }
    if rule.strict == rule.severity {
        format!("{} (in both profiles)", rule.severity)
    } else {
        format!("{}; {} under --strict", rule.severity, rule.strict)
    }
}

/// Reports an unknown code on stderr with the closest known ones.
fn unknown(stderr: &mut dyn Write, code: &str) {
    error(
        stderr,
        &format!("unknown rule code `{}`", code.escape_debug()),
    );
    let close = closest(code);
    // Nothing useful can be done when stderr itself fails.
    if !close.is_empty() {
        let _ = writeln!(stderr, "help: the closest codes are: {}", close.join(", "));
    }
    let _ = writeln!(stderr, "help: `pushspec rules` lists every code");
}

/// What to say after an unknown rule code: the closest known codes, or where they are all
/// listed.
pub(crate) fn hint(code: &str) -> String {
    let close = closest(code);
    if close.is_empty() {
        "`pushspec rules` lists every code".to_owned()
    } else {
        format!("the closest codes are: {}", close.join(", "))
    }
}

/// The catalogued codes closest to `query`, best first: codes that contain it (ignoring
/// case), then codes within a small edit distance of it. Retired codes are left out.
pub(crate) fn closest(query: &str) -> Vec<&'static str> {
    let query = query.trim().to_lowercase();
    let len = query.chars().count();
    if len == 0 {
        return Vec::new();
    }
    let threshold = (len / 3).max(2);
    let mut scored: Vec<(u8, usize, &'static str)> = catalog::ALL
        .iter()
        .filter(|r| !catalog::RETIRED.contains(r))
        .filter_map(|r| {
            let distance = levenshtein(&query, r.code);
            if len >= 3 && r.code.contains(&query) {
                Some((0, distance, r.code))
            } else if distance <= threshold {
                Some((1, distance, r.code))
            } else {
                None
            }
        })
        .collect();
    scored.sort_unstable();
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, code)| code)
        .collect()
}

/// The Levenshtein distance between `a` and `b`, in characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the edit matrix at a time: `row[j]` is the distance between the prefix of
    // `a` seen so far and the first `j` characters of `b`.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            left = (diagonal + cost).min(up + 1).min(left + 1);
            diagonal = up;
            next.push(left);
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein("", ""), 0);
        assert_eq!(levenshtein("abc", ""), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("phone.e-164", "phone.e164"), 1);
        assert_eq!(levenshtein("tên", "ten"), 1);
    }

    #[test]
    fn suggestions_prefer_containing_codes_then_near_misses() {
        assert_eq!(
            closest("oca.button.index-rang")[0],
            "oca.button.index-range"
        );
        assert_eq!(closest("PHONE.E164"), ["phone.e164"]);
        assert_eq!(
            closest("index-range"),
            ["oca.button.index-range"],
            "a code's tail finds it"
        );
        assert!(closest("zzzzzzzzzzzzzzzz").is_empty());
        assert!(closest("").is_empty());
        assert!(
            !closest("smax.tag.v2-undocumented").contains(&"smax.tag.v2-undocumented"),
            "retired codes are not suggested"
        );
    }

    #[test]
    fn severity_names_both_profiles() {
        assert_eq!(
            severity(&catalog::REQUEST_METHOD_POST),
            "error (in both profiles)"
        );
        assert_eq!(
            severity(&catalog::SMAX_CUSTOMER_MULTIPLE_IDENTIFIERS),
            "warning; error under --strict"
        );
        assert!(severity(&catalog::SMAX_TAG_V2_UNDOCUMENTED).starts_with("none (retired"));
    }
}
