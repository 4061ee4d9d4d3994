//! Picks the endpoint of a request from its URL (spec §1): scheme, host and path are matched
//! against each endpoint's URL template, where `{NAME}` matches one path segment and
//! `{API_HOST}` any host; the query string is ignored.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::url::{Piece, SplitUrl};
use crate::endpoint::Endpoint;

/// An endpoint's URL template, taken apart once: every request is matched against every
/// template until one fits, so splitting the template strings per request cost more than
/// the rest of the URL handling together.
#[derive(Debug, Clone)]
struct Template {
    scheme: &'static str,
    /// `None` for a `{PARAM}` host, which matches any host.
    host: Option<&'static str>,
    /// The path segments: `Err(name)` for a `{NAME}` parameter, `Ok(text)` for a literal.
    segments: Vec<Result<&'static str, &'static str>>,
}

impl Template {
    /// Takes `url` apart; `None` when it is not `scheme://host/path`.
    fn parse(url: &'static str) -> Option<Template> {
        let (scheme, rest) = url.split_once("://")?;
        let rest = rest.split('?').next().unwrap_or_default();
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        Some(Template {
            scheme,
            host: (!is_param(host)).then_some(host),
            segments: path
                .split('/')
                .filter(|s| !s.is_empty())
                .map(|s| {
                    if is_param(s) {
                        Err(s.trim_start_matches('{').trim_end_matches('}'))
                    } else {
                        Ok(s)
                    }
                })
                .collect(),
        })
    }

    /// Whether `url` fits the template, without capturing anything.
    fn matches(&self, url: &SplitUrl<'_>) -> bool {
        self.segments.len() == url.segments.len()
            && url.scheme.eq_ignore_ascii_case(self.scheme)
            && self.host.is_none_or(|h| url.host.eq_ignore_ascii_case(h))
            && self
                .segments
                .iter()
                .zip(url.segments)
                .all(|(t, seg)| t.is_err() || *t == Ok(seg.text))
    }
}

/// The templates of [`crate::endpoint::ALL`], in the same order.
static TEMPLATES: LazyLock<Vec<Option<Template>>> = LazyLock::new(|| {
    crate::endpoint::ALL
        .iter()
        .map(|e| Template::parse(e.url))
        .collect()
});

/// Matches `url` against `endpoint`'s template; on success, the captured path parameters,
/// `(name, segment)`, in order. Nothing is collected: this runs on every request.
pub fn capture<'a>(
    endpoint: &Endpoint,
    url: &SplitUrl<'a>,
) -> Option<impl Iterator<Item = (&'static str, Piece<'a>)> + use<'a>> {
    let known = crate::endpoint::ALL
        .iter()
        // By URL, not by address: the catalogue's endpoints are constants, and a constant
        // need not keep one address. The template depends on the URL alone.
        .position(|e| e.url == endpoint.url)
        .and_then(|i| TEMPLATES.get(i));
    let template = match known {
        Some(template) => Cow::Borrowed(template.as_ref()?),
        // An endpoint outside the catalogue (a caller's own) is taken apart on the spot.
        None => Cow::Owned(Template::parse(endpoint.url)?),
    };
    if !template.matches(url) {
        return None;
    }
    let segments = url.segments;
    Some((0..segments.len()).filter_map(move |i| {
        let name = template.segments.get(i)?.err()?;
        Some((name, *segments.get(i)?))
    }))
}

/// The endpoint whose template matches `url`, if exactly one does.
pub fn find(url: &SplitUrl<'_>) -> Option<&'static Endpoint> {
    crate::endpoint::ALL
        .iter()
        .zip(TEMPLATES.iter())
        .find(|(_, t)| t.as_ref().is_some_and(|t| t.matches(url)))
        .map(|(e, _)| *e)
}

/// The names of the path parameters of an endpoint's template, in order.
pub fn path_params(endpoint: &Endpoint) -> impl Iterator<Item = &'static str> {
    let path = endpoint
        .url
        .split_once("://")
        .map_or("", |(_, r)| r)
        .split('?')
        .next()
        .unwrap_or_default();
    path.split('/')
        .skip(1)
        .filter(|s| is_param(s))
        .map(|s| s.trim_start_matches('{').trim_end_matches('}'))
}

fn is_param(s: &str) -> bool {
    s.len() > 2 && s.starts_with('{') && s.ends_with('}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::url::split;

    #[test]
    fn every_endpoint_matches_its_own_example_and_only_it() {
        let examples = [
            (
                "mantago.broadcast",
                "https://mantago.cc/api/openapi/broadcast?botId=Qa7Lm2Xz9",
            ),
            (
                "mantago.token",
                "https://mantago.cc/api/openapi/token?botId=Qa7Lm2Xz9",
            ),
            (
                "ahachat.send-by-user",
                "https://ahachat.com/api/bots/20481234/users/7712345678901234/send?ahachat_token=x",
            ),
            (
                "ahachat.send-by-phone",
                "https://ahachat.com/api/bots/20481234/phones/send?phone=84912345678",
            ),
            (
                "smax.v1.send",
                "https://api.smax.bot/bots/64a1f0c2e3b4d5a6f7081920/users/6029384756102938/send?bot_token=t",
            ),
            (
                "smax.v2.send",
                "https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send",
            ),
            (
                "chatfuel.send",
                "https://api.chatfuel.com/bots/5f0e1d2c3b4a596877665544/users/4837261509182736/send",
            ),
            (
                "firstline.push",
                "https://example-tenant.firstline.cc/api/v1/message/push",
            ),
            (
                "firstline.push-line-user",
                "https://t.firstline.cc/api/social-media-contact/adapter/push-message/line-account/12",
            ),
            (
                "oca.template",
                "https://wa01.ocatelkom.co.id/api/v2/push/message",
            ),
        ];
        let arena = crate::json::Arena::new();
        for (id, url) in examples {
            let split = split(url, &arena).unwrap();
            let matched: Vec<&str> = crate::endpoint::ALL
                .iter()
                .filter(|e| capture(e, &split).is_some())
                .map(|e| e.id)
                .collect();
            assert_eq!(matched, [id], "{url}");
        }
    }

    #[test]
    fn captures_path_parameters_by_template_name() {
        let arena = crate::json::Arena::new();
        let url = split(
            "https://ahachat.com/api/bots/20481234/users/7712345678901234/send",
            &arena,
        )
        .unwrap();
        let ep = crate::endpoint::find("ahachat.send-by-user").unwrap();
        let caps: Vec<(&str, &str)> = capture(ep, &url)
            .unwrap()
            .map(|(n, p)| (n, p.text))
            .collect();
        assert_eq!(
            caps,
            [("BOT_ID", "20481234"), ("USER_ID", "7712345678901234")]
        );
        assert_eq!(path_params(ep).collect::<Vec<_>>(), ["BOT_ID", "USER_ID"]);
        assert!(
            capture(
                ep,
                &split("http://ahachat.com/api/bots/1/users/2/send", &arena).unwrap()
            )
            .is_none()
        );
    }
}
