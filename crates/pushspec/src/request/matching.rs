//! Picks the endpoint of a request from its URL (spec §1): scheme, host and path are matched
//! against each endpoint's URL template, where `{NAME}` matches one path segment and
//! `{API_HOST}` any host; the query string is ignored.

use super::url::{Piece, SplitUrl};
use crate::endpoint::Endpoint;

/// The path parameters a template captures: `(name, segment)`.
pub type Captures<'u, 'a> = Vec<(&'static str, &'u Piece<'a>)>;

/// Matches `url` against `endpoint`'s template; the captured path parameters on success.
pub fn capture<'u, 'a>(endpoint: &Endpoint, url: &'u SplitUrl<'a>) -> Option<Captures<'u, 'a>> {
    let (scheme, rest) = endpoint.url.split_once("://")?;
    let rest = rest.split('?').next().unwrap_or_default();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if !url.scheme.eq_ignore_ascii_case(scheme) {
        return None;
    }
    if !is_param(host) && !url.host.eq_ignore_ascii_case(host) {
        return None;
    }
    let template: Vec<&'static str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if template.len() != url.segments.len() {
        return None;
    }
    let mut captures = Vec::new();
    for (t, seg) in template.iter().zip(&url.segments) {
        if is_param(t) {
            captures.push((t.trim_start_matches('{').trim_end_matches('}'), seg));
        } else if *t != seg.text {
            return None;
        }
    }
    Some(captures)
}

/// The endpoint whose template matches `url`, if exactly one does.
pub fn find(url: &SplitUrl<'_>) -> Option<&'static Endpoint> {
    crate::endpoint::ALL
        .iter()
        .copied()
        .find(|e| capture(e, url).is_some())
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
        for (id, url) in examples {
            let split = split(url).unwrap();
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
        let url =
            split("https://ahachat.com/api/bots/20481234/users/7712345678901234/send").unwrap();
        let ep = crate::endpoint::find("ahachat.send-by-user").unwrap();
        let caps: Vec<(&str, &str)> = capture(ep, &url)
            .unwrap()
            .into_iter()
            .map(|(n, p)| (n, &*p.text))
            .collect();
        assert_eq!(
            caps,
            [("BOT_ID", "20481234"), ("USER_ID", "7712345678901234")]
        );
        assert_eq!(path_params(ep).collect::<Vec<_>>(), ["BOT_ID", "USER_ID"]);
        assert!(
            capture(
                ep,
                &split("http://ahachat.com/api/bots/1/users/2/send").unwrap()
            )
            .is_none()
        );
    }
}
