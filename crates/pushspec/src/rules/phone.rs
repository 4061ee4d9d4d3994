//! Phone numbers (spec §2.2): `phone.separators`, `phone.unparseable`, `phone.e164`,
//! `phone.country-code-missing`, `phone.trunk-zero`, `phone.vn.legacy-prefix` and
//! `phone.country-pattern`, with the per-field profiles that choose among them.
//!
//! The checks run in a fixed order and each one decides whether the later ones still say
//! anything useful:
//!
//! 1. `phone.separators` (W) reports spaces, `-`, `.`, `(` and `)`; the rest runs on the value
//!    without them, because that is what the vendor most likely compares.
//! 2. `phone.unparseable` (E) stops everything: there is no number to reason about.
//! 3. `phone.trunk-zero` (E) stops the profile checks. The help already gives the corrected
//!    number; a pattern or E.164 finding on the uncorrected one would only repeat the same
//!    mistake in vaguer words.
//! 4. The profile's own checks. `phone.country-code-missing` and `phone.vn.legacy-prefix` each
//!    explain why the number cannot match the mobile pattern, so they suppress
//!    `phone.country-pattern` for the same reason.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::catalog;
use crate::check::{Cx, Described};
use crate::diag::Path;
use crate::json::Node;
use crate::schema::FieldSchema;

/// What a phone field expects (spec §2.2). Each profile has a default region, used when a
/// number is written without a country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Country code plus number, `+` optional (OCA `phone_number`). Default region Indonesia.
    Intl,
    /// `^\+[1-9]\d{1,14}$` (FIRST LINE option `number`). Default region Taiwan.
    E164,
    /// Matched against the vendor's stored number, national forms allowed (AhaChat `phone`,
    /// Smax `customer_phone`). Default region Vietnam.
    Subscriber,
}

impl Profile {
    /// The country assumed for a number without a country code (spec §2.2; INFERENCE).
    pub const fn default_region(self) -> Country {
        match self {
            Profile::Intl => Country::Id,
            Profile::E164 => Country::Tw,
            Profile::Subscriber => Country::Vn,
        }
    }
}

/// The countries whose numbering plans spec §2.2 describes. Numbers of other countries are
/// only checked for their general shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Country {
    /// Vietnam, +84.
    Vn,
    /// Indonesia, +62.
    Id,
    /// Taiwan, +886.
    Tw,
}

impl Country {
    /// Every known country.
    pub const ALL: [Country; 3] = [Country::Vn, Country::Id, Country::Tw];

    /// The international calling code, without `+`.
    pub const fn calling_code(self) -> &'static str {
        match self {
            Country::Vn => "84",
            Country::Id => "62",
            Country::Tw => "886",
        }
    }

    /// The country's English name, for messages.
    pub const fn name(self) -> &'static str {
        match self {
            Country::Vn => "Vietnam",
            Country::Id => "Indonesia",
            Country::Tw => "Taiwan",
        }
    }

    /// The country whose calling code starts `digits`, if it is a known one. The codes are
    /// prefix-free, so at most one matches.
    pub fn from_international(digits: &str) -> Option<Country> {
        Country::ALL
            .into_iter()
            .find(|c| digits.starts_with(c.calling_code()))
    }

    /// Whether `subscriber` (the digits after the calling code, or after the national `0`)
    /// is a mobile number of this country, per the patterns of spec §2.2:
    /// VN `[35789]\d{8}`, ID `8\d{8,11}` (the length range is INFERENCE), TW `9\d{8}`.
    pub fn is_mobile(self, subscriber: &str) -> bool {
        let bytes = subscriber.as_bytes();
        if !bytes.iter().all(u8::is_ascii_digit) {
            return false;
        }
        let first = bytes.first().copied();
        match self {
            Country::Vn => {
                matches!(first, Some(b'3' | b'5' | b'7' | b'8' | b'9')) && bytes.len() == 9
            }
            Country::Id => first == Some(b'8') && (9..=12).contains(&bytes.len()),
            Country::Tw => first == Some(b'9') && bytes.len() == 9,
        }
    }

    /// The expected mobile form, for messages.
    fn mobile_form(self, international: bool) -> &'static str {
        match (self, international) {
            (Country::Vn, false) => "`0`, then 3, 5, 7, 8 or 9, then 8 more digits",
            (Country::Vn, true) => "`84`, then 3, 5, 7, 8 or 9, then 8 more digits",
            (Country::Id, false) => "`08`, then 8 to 11 more digits",
            (Country::Id, true) => "`628`, then 8 to 11 more digits",
            (Country::Tw, false) => "`09`, then 8 more digits",
            (Country::Tw, true) => "`8869`, then 8 more digits",
        }
    }
}

/// Arguments of the phone rule: which profile the field follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Args {
    /// The field's profile (spec §2.2).
    pub profile: Profile,
}

/// The separators that `phone.separators` reports and removes (spec §2.2).
pub const SEPARATORS: [char; 5] = [' ', '-', '.', '(', ')'];

/// `s` without [`SEPARATORS`]; borrowed when there were none.
pub fn strip_separators(s: &str) -> Cow<'_, str> {
    if s.contains(SEPARATORS) {
        Cow::Owned(s.chars().filter(|c| !SEPARATORS.contains(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// A phone number that has the general shape: an optional `+` and 8 to 15 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<'a> {
    /// Whether the number starts with `+`.
    pub plus: bool,
    /// The digits after the optional `+`.
    pub digits: &'a str,
}

/// Why a value (separators already removed) is not a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unparseable {
    /// A character other than a digit, or a `+` that is not the first character.
    Character(char),
    /// The number of digits, outside 8 to 15.
    Length(usize),
}

/// Parses a value whose separators were already removed ([`strip_separators`]).
pub fn parse(stripped: &str) -> Result<Number<'_>, Unparseable> {
    let (plus, digits) = match stripped.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, stripped),
    };
    if let Some(c) = digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(Unparseable::Character(c));
    }
    match digits.len() {
        8..=15 => Ok(Number { plus, digits }),
        n => Err(Unparseable::Length(n)),
    }
}

impl<'a> Number<'a> {
    /// Whether the number is in national form: a trunk `0` where a country code should be.
    /// (`+0…` counts too: no country code starts with `0`.)
    pub fn is_national(&self) -> bool {
        self.digits.starts_with('0')
    }

    /// Whether the number is E.164 as the `e164` profile demands: `^\+[1-9]\d{1,14}$`.
    /// The length is already guaranteed by [`parse`].
    pub fn is_e164(&self) -> bool {
        self.plus && !self.is_national()
    }

    /// The country and the subscriber digits, and whether the number was international:
    /// a national number belongs to `default`; an international one to its calling code, if
    /// that is a known one (`None` for other countries).
    pub fn locate(&self, default: Country) -> Option<(Country, &'a str, bool)> {
        if let Some(subscriber) = self.digits.strip_prefix('0') {
            return Some((default, subscriber, false));
        }
        let country = Country::from_international(self.digits)?;
        let subscriber = self.digits.get(country.calling_code().len()..)?;
        Some((country, subscriber, true))
    }

    /// `phone.trunk-zero`: the country whose calling code is followed by a `0` (`+8860…`,
    /// `620…`), if any.
    pub fn trunk_zero(&self) -> Option<Country> {
        let country = Country::from_international(self.digits)?;
        let after = self.digits.get(country.calling_code().len()..)?;
        after.starts_with('0').then_some(country)
    }

    /// `phone.vn.legacy-prefix`: for a Vietnamese number with a pre-2019 11-digit prefix,
    /// the renumbered number, written in the same form (national, or international with or
    /// without `+`). `default` is the region assumed for national numbers.
    pub fn vn_renumbered(&self, default: Country) -> Option<String> {
        let (country, subscriber, international) = self.locate(default)?;
        if country != Country::Vn || self.plus && !international {
            return None;
        }
        let new = vn_renumber(subscriber)?;
        Some(if international {
            format!("{}84{new}", if self.plus { "+" } else { "" })
        } else {
            format!("0{new}")
        })
    }
}

/// The 2018–2019 Vietnamese renumbering (spec §2.2): old 3-digit subscriber prefix (after the
/// trunk `0`) to the new 2-digit one.
const VN_RENUMBERING: [(&str, &str); 21] = [
    ("120", "70"),
    ("121", "79"),
    ("122", "77"),
    ("126", "76"),
    ("128", "78"),
    ("123", "83"),
    ("124", "84"),
    ("125", "85"),
    ("127", "81"),
    ("129", "82"),
    ("162", "32"),
    ("163", "33"),
    ("164", "34"),
    ("165", "35"),
    ("166", "36"),
    ("167", "37"),
    ("168", "38"),
    ("169", "39"),
    ("186", "56"),
    ("188", "58"),
    ("199", "59"),
];

/// The renumbered subscriber digits for an old 10-digit Vietnamese subscriber number
/// (`1623456789` → `323456789`), or `None` if it is not one.
pub fn vn_renumber(subscriber: &str) -> Option<String> {
    if subscriber.len() != 10 || !subscriber.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (old, rest) = (subscriber.get(..3)?, subscriber.get(3..)?);
    let (_, new) = VN_RENUMBERING.iter().find(|(from, _)| *from == old)?;
    Some(format!("{new}{rest}"))
}

/// Checks a phone number field against its profile (spec §2.2).
///
/// ```text
/// #[pushspec(phone = "intl")]
/// phone_number: String,
/// ```
///
/// Only strings are checked, and `""` is left to the presence rules.
pub fn apply(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, args: &Args) {
    let Some(raw) = node.as_str() else { return };
    if raw.is_empty() {
        return;
    }
    let stripped = strip_separators(raw);
    if let Cow::Owned(stripped) = &stripped {
        separators(node, at, cx, raw, stripped);
    }
    let number = match parse(&stripped) {
        Ok(number) => number,
        Err(why) => {
            unparseable(node, at, cx, raw, why);
            return;
        }
    };
    let default = args.profile.default_region();

    if let Some(country) = number.trunk_zero() {
        let code = country.calling_code();
        let after_zero = number.digits.get(code.len() + 1..).unwrap_or_default();
        // The `e164` profile wants the `+` as well; saying so here spares a second finding
        // on a number that is about to change anyway.
        let plus = if number.plus || args.profile == Profile::E164 {
            "+"
        } else {
            ""
        };
        cx.emit(
            &catalog::PHONE_TRUNK_ZERO,
            at,
            node.span,
            format_args!(
                "{} keeps the national trunk `0` after the country code {code} ({}): `{raw}`; in international form the `0` is dropped",
                Described(*at),
                country.name()
            ),
        )
        .help(format_args!("remove the `0` after {code}: `{plus}{code}{after_zero}`"));
        return;
    }

    match args.profile {
        Profile::Intl => {
            if number.is_national() {
                let subscriber = number.digits.get(1..).unwrap_or_default();
                let message = if number.plus {
                    format!(
                        "{} has no country code: `{raw}` has a trunk `0` after the `+`, and no country code starts with `0`",
                        Described(*at)
                    )
                } else {
                    format!(
                        "{} is in national form (`{raw}`); it must start with the country code",
                        Described(*at)
                    )
                };
                cx.emit(&catalog::PHONE_COUNTRY_CODE_MISSING, at, node.span, message).help(format_args!(
                    "replace the leading `0` with the country code, e.g. `{}{subscriber}` if the number is in {}",
                    default.calling_code(),
                    default.name()
                ));
                return;
            }
            country_pattern(node, at, cx, raw, &number, default);
        }
        Profile::E164 => {
            if !number.is_e164() {
                let (message, fix) = if number.is_national() {
                    let subscriber = number.digits.get(1..).unwrap_or_default();
                    (
                        format!(
                            "{} is not in E.164 form: `{raw}` has a national `0` instead of `+` and a country code",
                            Described(*at)
                        ),
                        format!(
                            "write `+`, the country code and the number without its leading `0`, e.g. `+{}{subscriber}` if the number is in {}",
                            default.calling_code(),
                            default.name()
                        ),
                    )
                } else {
                    (
                        format!(
                            "{} is not in E.164 form: `{raw}` does not start with `+`",
                            Described(*at)
                        ),
                        format!("add the `+`: `+{}`", number.digits),
                    )
                };
                cx.emit(&catalog::PHONE_E164, at, node.span, message)
                    .help(fix);
            }
        }
        Profile::Subscriber => {
            if let Some(new) = number.vn_renumbered(default) {
                legacy_prefix(node, at, cx, raw, &new);
                return;
            }
            country_pattern(node, at, cx, raw, &number, default);
        }
    }
}

/// `phone.unparseable` as a JSON Schema `pattern` (ECMA-262 and `regex` alike): separators
/// anywhere, an optional `+` before the first digit, 8 to 15 digits. `""` passes, as in
/// [`apply`]: presence is the presence rules' business.
pub const UNPARSEABLE_PATTERN: &str = r"^$|^[ ().-]*\+?(?:[ ().-]*[0-9]){8,15}[ ().-]*$";

/// The schema side: `phone.unparseable` as a `pattern`; the profile's other rules, which no
/// JSON Schema keyword expresses, listed in `x-pushspec-rules`.
pub fn schema(args: &Args, fs: &mut FieldSchema<'_>) {
    fs.keyword(
        &catalog::PHONE_UNPARSEABLE,
        "pattern",
        serde_json::json!(UNPARSEABLE_PATTERN),
    );
    fs.note(&catalog::PHONE_SEPARATORS);
    fs.note(&catalog::PHONE_TRUNK_ZERO);
    match args.profile {
        Profile::Intl => {
            fs.note(&catalog::PHONE_COUNTRY_CODE_MISSING);
            fs.note(&catalog::PHONE_COUNTRY_PATTERN);
        }
        Profile::E164 => fs.note(&catalog::PHONE_E164),
        Profile::Subscriber => {
            fs.note(&catalog::PHONE_VN_LEGACY_PREFIX);
            fs.note(&catalog::PHONE_COUNTRY_PATTERN);
        }
    }
}

fn separators(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, raw: &str, stripped: &str) {
    let mut found = Vec::new();
    if raw.contains(' ') {
        found.push("spaces");
    }
    for (c, name) in [('-', "`-`"), ('.', "`.`"), ('(', "`(`"), (')', "`)`")] {
        if raw.contains(c) {
            found.push(name);
        }
    }
    let message = format!(
        "{} contains separators ({}): `{raw}`; send the digits only, with an optional leading `+`",
        Described(*at),
        found.join(", ")
    );
    // An unencoded `+` in a query string decodes as a space (spec §0), so a leading space
    // before the digits is most likely a `+` that was lost on the way.
    let help = if raw.starts_with(' ') && stripped.starts_with(|c: char| c.is_ascii_digit()) {
        format!(
            "a leading space is usually a `+` sent unencoded in a query string, where `+` means a space: encode it as `%2B` (`%2B{stripped}`); otherwise remove the separators: `{stripped}`"
        )
    } else {
        format!("remove the separators: `{stripped}`")
    };
    cx.emit(&catalog::PHONE_SEPARATORS, at, node.span, message)
        .help(help);
}

fn unparseable(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, raw: &str, why: Unparseable) {
    let what = Described(*at);
    let message = match why {
        Unparseable::Character('+') => {
            format!("{what} is not a phone number: `{raw}` has a `+` that is not at the start")
        }
        Unparseable::Character(c) => {
            format!(
                "{what} is not a phone number: `{raw}` contains `{}`; expected an optional `+` and 8 to 15 digits",
                c.escape_debug()
            )
        }
        Unparseable::Length(n) => {
            let digits = if n == 1 { "digit" } else { "digits" };
            format!(
                "{what} is not a phone number: `{raw}` has {n} {digits}; expected an optional `+` and 8 to 15 digits"
            )
        }
    };
    cx.emit(&catalog::PHONE_UNPARSEABLE, at, node.span, message);
}

fn legacy_prefix(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>, raw: &str, new: &str) {
    cx.emit(
        &catalog::PHONE_VN_LEGACY_PREFIX,
        at,
        node.span,
        format_args!(
            "{} uses a pre-2019 11-digit Vietnamese mobile prefix: `{raw}`; these numbers were renumbered to 10 digits between 2018-09-15 and 2019-06-30",
            Described(*at)
        ),
    )
    .help(format_args!("the number is now `{new}`"));
}

fn country_pattern(
    node: &Node<'_>,
    at: &Path<'_>,
    cx: &mut Cx<'_>,
    raw: &str,
    number: &Number<'_>,
    default: Country,
) {
    // Numbers of other countries are not second-guessed: spec §2.2 gives no pattern for them.
    let Some((country, subscriber, international)) = number.locate(default) else {
        return;
    };
    // `+0…` is neither form: the national patterns have no `+`.
    let stray_plus = number.plus && !international;
    if !stray_plus && country.is_mobile(subscriber) {
        return;
    }
    let mut message = format!(
        "{} does not look like a mobile number of {}: `{raw}`",
        Described(*at),
        country.name()
    );
    if stray_plus {
        message.push_str(" has a `+` followed by the trunk `0`");
    }
    if international {
        let _ = write!(
            message,
            "; expected {} (`+` optional)",
            country.mobile_form(true)
        );
    } else {
        let _ = write!(
            message,
            "; expected {} (the number has no country code, so {} is assumed)",
            country.mobile_form(false),
            country.name()
        );
    }
    let diagnostic = cx.emit(&catalog::PHONE_COUNTRY_PATTERN, at, node.span, message);
    if stray_plus {
        diagnostic.help(format_args!(
            "drop the `+`, or replace `+0` with `+{}`: `+{}{subscriber}`",
            country.calling_code(),
            country.calling_code()
        ));
    } else if let Some(new) = number.vn_renumbered(default) {
        // Outside the `subscriber` profile the legacy rule does not run, but the
        // renumbering is still the most likely explanation.
        diagnostic.help(format_args!(
            "this looks like a pre-2019 11-digit Vietnamese number; the number is now `{new}`"
        ));
    } else {
        diagnostic.help("check the number for a missing or extra digit, or a landline number where a mobile number is needed");
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::check::Options;
    use crate::json::{Span, Value};
    use crate::rules::testing::{noted, schema_of};

    fn run(profile: Profile, value: &str) -> Vec<crate::Diagnostic> {
        let node = Node {
            value: Value::String(value),
            span: Span::new(0, 5),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        let at = Path::BODY.key("phone_number");
        apply(&node, &at, &mut cx, &Args { profile });
        cx.into_diagnostics()
    }

    fn codes(profile: Profile, value: &str) -> Vec<&'static str> {
        run(profile, value).iter().map(|d| d.rule.code).collect()
    }

    use Profile::{E164, Intl, Subscriber};

    #[test]
    fn table() {
        #[rustfmt::skip]
        let cases: &[(Profile, &str, &[&str])] = &[
            // intl (OCA, default region Indonesia)
            (Intl, "6281298765432", &[]),
            (Intl, "+6281298765432", &[]),
            (Intl, "081298765432", &["phone.country-code-missing"]),
            (Intl, "+081298765432", &["phone.country-code-missing"]),
            (Intl, "+62 0812 9876 5432", &["phone.separators", "phone.trunk-zero"]),
            (Intl, "62081298765432", &["phone.trunk-zero"]),
            (Intl, "+62 812-9876-5432", &["phone.separators"]),
            (Intl, "622112345678", &["phone.country-pattern"]),
            (Intl, "+886912345678", &[]),
            (Intl, "84912345678", &[]),
            (Intl, "+6591234567", &[]),
            (Intl, "+84 1623456789", &["phone.separators", "phone.country-pattern"]),
            (Intl, "0812", &["phone.unparseable"]),
            (Intl, "+62 812 abc", &["phone.separators", "phone.unparseable"]),
            (Intl, "62+81298765432", &["phone.unparseable"]),
            (Intl, "6281298765432123", &["phone.unparseable"]),
            (Intl, "", &[]),
            // e164 (FIRST LINE, default region Taiwan)
            (E164, "+886912345678", &[]),
            (E164, "+6281298765432", &[]),
            (E164, "+15551234567", &[]),
            (E164, "886912345678", &["phone.e164"]),
            (E164, "0912345678", &["phone.e164"]),
            (E164, "+8860912345678", &["phone.trunk-zero"]),
            (E164, "8860912345678", &["phone.trunk-zero"]),
            (E164, "+886 912 345 678", &["phone.separators"]),
            (E164, "(02) 2345-6789", &["phone.separators", "phone.e164"]),
            // subscriber (AhaChat, Smax; default region Vietnam)
            (Subscriber, "84912345678", &[]),
            (Subscriber, "+84912345678", &[]),
            (Subscriber, "0912345678", &[]),
            (Subscriber, "0323456789", &[]),
            (Subscriber, "840912345678", &["phone.trunk-zero"]),
            (Subscriber, "0162 345 6789", &["phone.separators", "phone.vn.legacy-prefix"]),
            (Subscriber, "841623456789", &["phone.vn.legacy-prefix"]),
            (Subscriber, "+841993456789", &["phone.vn.legacy-prefix"]),
            (Subscriber, "0212345678", &["phone.country-pattern"]),
            (Subscriber, "+0912345678", &["phone.country-pattern"]),
            (Subscriber, "6281298765432", &[]),
            (Subscriber, "886212345678", &["phone.country-pattern"]),
            (Subscriber, "+4915112345678", &[]),
        ];
        for (profile, value, expected) in cases {
            assert_eq!(codes(*profile, value), *expected, "{profile:?} {value:?}");
        }
    }

    #[test]
    fn non_strings_are_left_to_the_type_check() {
        let node = Node {
            value: Value::Bool(true),
            span: Span::new(0, 4),
        };
        let opts = Options::default();
        let mut cx = Cx::new(&opts);
        apply(&node, &Path::BODY, &mut cx, &Args { profile: Intl });
        assert!(cx.is_clean());
    }

    #[test]
    fn help_lines_carry_the_fix() {
        let help = |profile, value| {
            run(profile, value)
                .iter()
                .filter_map(|d| d.help.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            help(Intl, "+62 0812 9876 5432"),
            [
                "remove the separators: `+62081298765432`",
                "remove the `0` after 62: `+6281298765432`",
            ]
        );
        assert_eq!(
            help(E164, "8860912345678"),
            ["remove the `0` after 886: `+886912345678`"]
        );
        assert_eq!(
            help(Subscriber, "840912345678"),
            ["remove the `0` after 84: `84912345678`"]
        );
        assert_eq!(
            help(Subscriber, "0162 345 6789")[1],
            "the number is now `0323456789`"
        );
        assert_eq!(
            help(Subscriber, "841203456789"),
            ["the number is now `84703456789`"]
        );
        assert_eq!(
            help(Subscriber, "+841993456789"),
            ["the number is now `+84593456789`"]
        );
        assert!(help(Intl, "081298765432")[0].contains("`6281298765432`"));
        assert!(help(E164, "0912345678")[0].contains("`+886912345678`"));
        assert_eq!(help(E164, "886912345678"), ["add the `+`: `+886912345678`"]);
        assert!(help(Intl, "+84 1623456789")[1].contains("`+84323456789`"));
    }

    #[test]
    fn a_leading_space_suggests_percent_encoding_the_plus() {
        let diagnostics = run(Intl, " 6281298765432");
        assert_eq!(diagnostics.len(), 1);
        let help = diagnostics[0].help.as_deref().unwrap();
        assert!(help.contains("%2B"), "{help}");
        assert!(help.contains("`%2B6281298765432`"), "{help}");
        let other = run(Intl, "6281 298765432");
        assert!(!other[0].help.as_deref().unwrap().contains("%2B"));
    }

    #[test]
    fn messages_name_the_field_and_echo_the_number() {
        let d = &run(Intl, "081298765432")[0];
        assert_eq!(d.pointer, "/body/phone_number");
        assert!(d.message.starts_with("`phone_number`"), "{}", d.message);
        assert!(d.message.contains("`081298765432`"), "{}", d.message);
        let d = &run(Intl, "12345")[0];
        assert!(d.message.contains("has 5 digits"), "{}", d.message);
        let d = &run(Intl, "0812x4567890")[0];
        assert!(d.message.contains("contains `x`"), "{}", d.message);
    }

    #[test]
    fn every_legacy_prefix_is_renumbered() {
        #[rustfmt::skip]
        let map = [
            ("0162", "032"), ("0163", "033"), ("0164", "034"), ("0165", "035"), ("0166", "036"),
            ("0167", "037"), ("0168", "038"), ("0169", "039"), ("0120", "070"), ("0121", "079"),
            ("0122", "077"), ("0126", "076"), ("0128", "078"), ("0123", "083"), ("0124", "084"),
            ("0125", "085"), ("0127", "081"), ("0129", "082"), ("0186", "056"), ("0188", "058"),
            ("0199", "059"),
        ];
        for (old, new) in map {
            let number = format!("{old}4567890");
            let diagnostics = run(Subscriber, &number);
            assert_eq!(diagnostics.len(), 1, "{number}");
            assert_eq!(diagnostics[0].rule.code, "phone.vn.legacy-prefix");
            assert_eq!(
                diagnostics[0].help.as_deref(),
                Some(format!("the number is now `{new}4567890`").as_str())
            );
            // The renumbered number is clean.
            assert!(
                run(Subscriber, &format!("{new}4567890")).is_empty(),
                "{new}"
            );
        }
        // 0161 was never assigned: not a legacy prefix, just not a mobile number.
        assert_eq!(codes(Subscriber, "01614567890"), ["phone.country-pattern"]);
    }

    #[test]
    fn helpers() {
        assert_eq!(strip_separators("+62 (812) 98-76.5432"), "+6281298765432");
        assert!(matches!(strip_separators("123"), Cow::Borrowed(_)));
        assert_eq!(parse("+123"), Err(Unparseable::Length(3)));
        assert_eq!(parse("++12345678"), Err(Unparseable::Character('+')));
        assert_eq!(
            parse("+12345678"),
            Ok(Number {
                plus: true,
                digits: "12345678"
            })
        );
        assert_eq!(
            Country::from_international("886912345678"),
            Some(Country::Tw)
        );
        assert_eq!(Country::from_international("8812"), None);
        assert_eq!(vn_renumber("1623456789").as_deref(), Some("323456789"));
        assert_eq!(vn_renumber("162345678"), None);
        assert!(Country::Id.is_mobile("812345678"));
        assert!(Country::Id.is_mobile("812345678901"));
        assert!(!Country::Id.is_mobile("8123456789012"));
    }

    #[test]
    fn the_schema_pattern_agrees_with_the_validator() {
        let pattern = regex::Regex::new(UNPARSEABLE_PATTERN).unwrap();
        #[rustfmt::skip]
        let values = [
            "", "6281298765432", "+62 0812 9876 5432", "0812", "+62 812 abc", "62+81298765432",
            "6281298765432123", " 6281298765432", "( +62) 812-9876-5432", "+ 62 812 9876 5432", "-",
            "++12345678", "+", "1234567", "12345678", "123456789012345", "1234567890123456",
            "12345678+", "1234\t5678", "１２３４５６７８",
        ];
        for value in values {
            let unparseable = codes(Intl, value).contains(&"phone.unparseable");
            assert_eq!(pattern.is_match(value), !unparseable, "{value:?}");
        }
    }

    #[test]
    fn schema_has_the_pattern_and_lists_the_profile_rules() {
        let intl = schema_of(|fs| schema(&Args { profile: Intl }, fs));
        assert_eq!(intl["properties"]["f"]["pattern"], UNPARSEABLE_PATTERN);
        assert_eq!(
            noted(&intl),
            [
                "phone.country-code-missing",
                "phone.country-pattern",
                "phone.separators",
                "phone.trunk-zero"
            ]
        );
        assert_eq!(
            noted(&schema_of(|fs| schema(&Args { profile: E164 }, fs))),
            ["phone.e164", "phone.separators", "phone.trunk-zero"]
        );
        assert_eq!(
            noted(&schema_of(|fs| schema(
                &Args {
                    profile: Subscriber
                },
                fs
            ))),
            [
                "phone.country-pattern",
                "phone.separators",
                "phone.trunk-zero",
                "phone.vn.legacy-prefix"
            ]
        );
    }
}
