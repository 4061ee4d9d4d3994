//! Long explanations of the rule codes, as `pushspec explain CODE` prints them: what a rule
//! checks, why it matters (what the vendor or platform does with such a request), where it
//! comes from, and an example of the mistake with its fix.
//!
//! The text lives in `explain.md`, one `## <code>` section per code of [`catalog::ALL`], in
//! catalogue order; this module only finds sections. Severities are not in the text: they
//! are the catalogue's, so a caller takes them from [`catalog::find`]. The tests below keep
//! the file and the catalogue in step: every code has a section, every section is a code,
//! and every spec §8 source key a rule cites appears in its section with its URL.
//!
//! ```
//! let text = pushspec::explain::explain("oca.button.index-range").unwrap();
//! assert!(text.starts_with("`oca.button.index-range`"));
//! assert_eq!(pushspec::explain::explain("oca.button.index"), None);
//! ```
//!
//! [`catalog::ALL`]: crate::catalog::ALL
//! [`catalog::find`]: crate::catalog::find

/// The whole explanation file.
const TEXT: &str = include_str!("explain.md");

/// The explanation of rule `code`: the Markdown of its `## <code>` section, without the
/// heading and trimmed. Its first line names the rule. `None` when no section has that
/// exact code.
pub fn explain(code: &str) -> Option<&'static str> {
    sections().find(|&(c, _)| c == code).map(|(_, text)| text)
}

/// Every section as `(code, text)`, in file order; the text is what [`explain`] returns.
pub fn sections() -> impl Iterator<Item = (&'static str, &'static str)> {
    // A section starts at a line `## <code>`. The file's title and preamble, before the
    // first such line, are skipped; code blocks never hold a line starting with `## `.
    TEXT.split("\n## ").skip(1).map(|chunk| {
        let (heading, text) = chunk.split_once('\n').unwrap_or((chunk, ""));
        (heading.trim(), text.trim())
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::catalog;

    /// Spec §8: every source key and its URLs.
    const SOURCES: &[(&str, &[&str])] = &[
        (
            "MG-API",
            &["https://doc.mantago.cc/wen-jian-shuo-ming-1/yong-hu-tui-bo"],
        ),
        (
            "MG-TOK",
            &["https://doc.mantago.cc/open-api-token-yu-secret-key-huan-fa"],
        ),
        (
            "MG-HOWTO",
            &["https://doc.mantago.cc/mantago-en/faq/how-to-get-a-token"],
        ),
        (
            "MG-ERR",
            &["https://doc.mantago.cc/mantago-en/faq/error-codes"],
        ),
        (
            "MG-UC",
            &["https://doc.mantago.cc/mantago-en/use-cases/post-purchase-push-notifications"],
        ),
        (
            "MG-MEM",
            &["https://doc.mantago.cc/wen-jian-shuo-ming-1/hui-yuan-api/hui-yuan-zi-liao"],
        ),
        (
            "AHA",
            &["https://ahachat.com/help/docs/block-broadcast-api"],
        ),
        ("AHA-OLD", &["https://help.ahachat.com/broadcast-api"]),
        (
            "AHA-PLUGIN",
            &["common-repository/ahachat-messenger-marketing"],
        ),
        ("SMAX", &["https://tailieu.smax.bot/api/broadcasting-api"]),
        (
            "CF",
            &["https://docs.chatfuel.com/en/articles/790461-broadcasting-api"],
        ),
        (
            "CF-HELP",
            &["https://help.chatfuel.com/api-1c934b06ecf880749b14f05601930f48"],
        ),
        (
            "CF-LEGACY",
            &["https://help.chatfuel.com/facebook-messenger/broadcasting/broadcasting-api/"],
        ),
        ("MARCL", &["https://github.com/MarcL/chatfuel-broadcast"]),
        (
            "FL-PUSH",
            &["https://en.help.firstline.cc/developer/api/advanced/send-messages/push-message"],
        ),
        (
            "FL-EX",
            &["https://help.firstline.cc/developer/advanced/push-partner-limit"],
        ),
        (
            "FL-LUID",
            &[
                "https://help.firstline.cc/developer/kai-fa-tao-jian/fa-song-xun-xi/shi-yong-line-user-id-fa-song-dan-yi-xun-xi",
            ],
        ),
        (
            "FL-REQ",
            &["https://help.firstline.cc/developer/api/request-methods"],
        ),
        (
            "OCA-TPL",
            &["https://docs.ocaindonesia.co.id/whatsapp-api/endpoint/sending-message-template"],
        ),
        (
            "OCA-AUTH",
            &[
                "https://docs.ocaindonesia.co.id/whatsapp-api/endpoint/sending-message-template-authentication",
            ],
        ),
        (
            "OCA-MEDIA",
            &[
                "https://docs.ocaindonesia.co.id/whatsapp-api/endpoint/sending-media-message-template",
            ],
        ),
        (
            "OCA-ERR",
            &[
                "https://docs.ocaindonesia.co.id/whatsapp-api/response-code/error-codes",
                "https://docs.ocaindonesia.co.id/whatsapp-api/response-code/http-status-codes",
            ],
        ),
        (
            "OCA-JWT",
            &["https://docs.ocaindonesia.co.id/sms-regular-api/authorization"],
        ),
        (
            "FB-TAGS",
            &[
                "https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags/",
            ],
        ),
        (
            "FB-SEND",
            &["https://developers.facebook.com/docs/messenger-platform/reference/send-api"],
        ),
        (
            "FB-OTN",
            &[
                "https://developers.facebook.com/docs/messenger-platform/send-messages/one-time-notification/",
            ],
        ),
        (
            "FB-MM",
            &[
                "https://developers.secure.facebook.com/docs/messenger-platform/send-messages/recurring-notifications",
            ],
        ),
        (
            "FB-QR",
            &[
                "https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/quick-replies",
            ],
        ),
        (
            "AMIO",
            &["https://docs.amio.io/reference/facebook-messenger-messages-tags"],
        ),
        (
            "BOTSTAR",
            &[
                "https://docs.botstar.com/docs/en/send-update-message-outside-the-standard-message-window/",
            ],
        ),
        (
            "SHOPPOP",
            &["https://support.shoppop.com/en/shoppop-platform/campaigns/message-tags"],
        ),
        (
            "BLIP",
            &["https://help.blip.ai/hc/en-us/articles/4474390478487-How-to-add-message-tags"],
        ),
        (
            "TBP",
            &["https://help.thebotplatform.com/en/articles/3294014-character-limits"],
        ),
        (
            "LINE-REF",
            &["https://developers.line.biz/en/reference/messaging-api/"],
        ),
        ("LINE-OAS", &["https://github.com/line/line-openapi"]),
        (
            "WA-AUTH",
            &[
                "https://developers.facebook.com/docs/whatsapp/api/messages/message-templates/authentication-message-templates",
            ],
        ),
        (
            "WA-BTN",
            &[
                "https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/types/button_parameter_object",
            ],
        ),
        (
            "WAJS",
            &["https://whatsappapijs.web.app/classes/messages.HeaderParameter.html"],
        ),
        (
            "BIRD",
            &[
                "https://docs.bird.com/api/touchpoints-api/supported-projects/whatsapp-approved-message-templates/creating-whatsapp-message-templates/text-templates",
            ],
        ),
        (
            "WA-PARAM",
            &[
                "https://github.com/netflie/whatsapp-cloud-api/issues/201",
                "https://github.com/freescout-help-desk/freescout/issues/5526",
                "https://github.com/glific/glific/issues/2473",
            ],
        ),
        (
            "PH-VN",
            &[
                "https://www.sent.dm/resources/vn",
                "https://lawnet.vn/en/laws/what-is-the-current-list-of-prefixes-of-vietnamese-phone-numbers-of-mobile-network-operators-what-i-134777.html",
            ],
        ),
        (
            "PH-ID",
            &["https://phonenumberformats.com/countries/id-phone-number-format"],
        ),
        ("PH-TW", &["https://sent.dm/resources/TW"]),
        ("E164", &["ITU-T Recommendation E.164"]),
    ];

    /// The `[KEY]` references in a catalogue source.
    fn keys(source: &str) -> impl Iterator<Item = &str> {
        source
            .split('[')
            .skip(1)
            .filter_map(|s| s.split_once(']').map(|(key, _)| key))
    }

    #[test]
    fn every_code_has_a_section() {
        for rule in catalog::ALL {
            let text = explain(rule.code);
            assert!(
                text.is_some_and(|t| !t.is_empty()),
                "explain.md has no section `## {}`",
                rule.code
            );
        }
    }

    #[test]
    fn every_section_is_a_code_once_in_catalogue_order() {
        let mut seen = BTreeSet::new();
        let codes: Vec<&str> = sections().map(|(code, _)| code).collect();
        for code in &codes {
            assert!(
                catalog::find(code).is_some(),
                "`## {code}` is not a catalogued code"
            );
            assert!(seen.insert(*code), "`## {code}` appears twice");
        }
        let catalogue: Vec<&str> = catalog::ALL.iter().map(|r| r.code).collect();
        assert_eq!(codes, catalogue, "sections are not in catalogue order");
    }

    #[test]
    fn every_section_names_its_rule_first() {
        for (code, text) in sections() {
            let first = text.lines().next().unwrap_or_default();
            assert!(
                first.contains(&format!("`{code}`")),
                "the first line of `## {code}` does not name it: {first}"
            );
        }
    }

    #[test]
    fn every_section_cites_its_sources() {
        for rule in catalog::ALL {
            let text = explain(rule.code).unwrap_or_default();
            assert!(
                text.contains("\nSource"),
                "`## {}` has no `Source` line",
                rule.code
            );
            for key in keys(rule.source) {
                let urls = SOURCES
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, urls)| *urls)
                    .unwrap_or_else(|| panic!("{} cites [{key}], which is not in §8", rule.code));
                assert!(
                    text.contains(&format!("[{key}]")),
                    "`## {}` lacks [{key}]",
                    rule.code
                );
                for url in urls {
                    assert!(
                        text.contains(url),
                        "`## {}` lacks {url} for [{key}]",
                        rule.code
                    );
                }
            }
            for word in ["INFERENCE", "CODE"] {
                if rule.source.contains(word) {
                    assert!(
                        text.contains(word),
                        "`## {}` does not explain {word}",
                        rule.code
                    );
                }
            }
        }
    }

    #[test]
    fn only_exact_codes_are_found() {
        for code in [
            "",
            "oca",
            "oca.button",
            "oca.button.index-rang",
            "OCA.BUTTON.INDEX-RANGE",
        ] {
            assert_eq!(explain(code), None, "{code:?}");
        }
    }

    #[test]
    fn examples_are_json() {
        // Every ```json block parses, so that an example can be pasted as it is (other
        // examples, URLs and headers, are ```text blocks).
        for (code, text) in sections() {
            for block in text.split("```json\n").skip(1) {
                let json = block.split("```").next().unwrap_or_default();
                assert!(
                    serde_json::from_str::<serde_json::Value>(json).is_ok(),
                    "`## {code}` has an example that is not JSON:\n{json}"
                );
            }
        }
    }
}
