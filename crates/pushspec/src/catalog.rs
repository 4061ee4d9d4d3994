//! The rule catalogue (spec §7): every rule code with its severity, strict promotion,
//! schema coverage, summary and source. The one place a rule's facts are written.
//!
//! Models name rules by code (`#[pushspec(code = "oca.button.index-range")]`); the derive
//! resolves the code here at compile time with [`find`], so a misspelt code does not build.

use crate::diag::{Rule, Severity};

macro_rules! catalogue {
    ($(
        $(#[$meta:meta])*
        $ident:ident = $code:literal, $sev:ident $(=> $strict:ident)?, schema: $schema:literal,
            $summary:literal, $source:literal;
    )*) => {
        $(
            #[doc = concat!("`", $code, "`: ", $summary)]
            $(#[$meta])*
            pub const $ident: Rule = Rule {
                code: $code,
                severity: catalogue!(@sev $sev),
                strict: catalogue!(@strict $sev $($strict)?),
                in_schema: $schema,
                summary: $summary,
                source: $source,
            };
        )*

        /// Every rule, in catalogue order.
        pub const ALL: &[&Rule] = &[$(&$ident),*];
    };
    (@sev E) => { Severity::Error };
    (@sev W) => { Severity::Warning };
    (@strict $sev:ident) => { catalogue!(@sev $sev) };
    (@strict $sev:ident $strict:ident) => { catalogue!(@sev $strict) };
}

/// Finds a rule by code. A `const fn`, so generated code can resolve codes at compile time.
pub const fn find(code: &str) -> Option<&'static Rule> {
    // Slice patterns instead of iterators or indexing: both are unavailable or denied here.
    let mut rest = ALL;
    while let [rule, tail @ ..] = rest {
        if eq(rule.code.as_bytes(), code.as_bytes()) {
            return Some(*rule);
        }
        rest = tail;
    }
    None
}

/// Byte-wise equality, usable in a `const fn`.
const fn eq(mut a: &[u8], mut b: &[u8]) -> bool {
    loop {
        match (a, b) {
            ([x, a_tail @ ..], [y, b_tail @ ..]) => {
                if *x != *y {
                    return false;
                }
                a = a_tail;
                b = b_tail;
            }
            ([], []) => return true,
            _ => return false,
        }
    }
}

catalogue! {
    // request / common / auth
    REQUEST_METHOD_POST = "request.method.post", E, schema: false,
        "method is not POST", "all vendor docs";
    REQUEST_BODY_INVALID_JSON = "request.body.invalid-json", E, schema: false,
        "body does not parse (comments, leading-zero numbers, bad `\\` escapes)", "RFC 8259";
    /// Not in the spec's catalogue (§7 is silent on repeated keys): RFC 8259 says names
    /// SHOULD be unique, and the vendors' PHP and Node servers silently keep the last copy.
    REQUEST_BODY_DUPLICATE_KEY = "request.body.duplicate-key", E, schema: false,
        "an object repeats a key", "RFC 8259 §4";
    REQUEST_URL_WHITESPACE = "request.url.whitespace", W, schema: false,
        "whitespace around the request URL or a URL field", "INFERENCE";
    /// Not in the spec's catalogue: §1 matches raw requests to endpoints by URL but names no
    /// code for a URL that matches none, or not the endpoint the caller chose.
    REQUEST_URL_ENDPOINT = "request.url.endpoint", E, schema: false,
        "the URL matches no endpoint, or not the chosen one", "§1";
    /// Not in the spec's catalogue: a bare body names no URL, so `--endpoint auto` judges it
    /// by its shape (`pushspec::detect`), and a body that fits several endpoints is reported.
    REQUEST_ENDPOINT_AMBIGUOUS = "request.endpoint.ambiguous", E, schema: false,
        "a bare body fits several endpoints equally well", "§1";
    /// Not in the spec's catalogue: the counterpart of `request.endpoint.ambiguous` for a
    /// body that fits no endpoint.
    REQUEST_ENDPOINT_UNKNOWN = "request.endpoint.unknown", E, schema: false,
        "a bare body fits no endpoint", "§1";
    COMMON_FIELD_REQUIRED = "common.field.required", E, schema: true,
        "documented required field absent or `\"\"`", "§3 tables";
    COMMON_FIELD_EXPECTED = "common.field.expected", W, schema: false,
        "field that is required by inference (`yes~`) absent", "INFERENCE";
    COMMON_FIELD_TYPE = "common.field.type", E, schema: true,
        "JSON type not allowed by the table", "§3 tables";
    COMMON_FIELD_ENUM = "common.field.enum", E, schema: true,
        "value outside a documented enum", "§3 tables";
    COMMON_FIELD_CASE = "common.field.case", E, schema: false,
        "key equals a documented name only case-insensitively (`CHATFUEL_MESSAGE_TAG`, `intentID`)",
        "vendor docs";
    COMMON_FIELD_UNKNOWN = "common.field.unknown", W, schema: false,
        "unknown key in a MantaGO, FIRST LINE or OCA body", "INFERENCE";
    COMMON_VALUE_PLACEHOLDER = "common.value.placeholder", W, schema: false,
        "unreplaced placeholder (`<…>`, `{{…}}`, `{API_HOST}`, `YOUR_…`, `…_here`) or a value equal to its own name (`botId=botId`)",
        "INFERENCE";
    AUTH_HEADER_MISSING = "auth.header.missing", E, schema: false,
        "required `Authorization` header absent (FIRST LINE: and no query token either)",
        "[MG-API] [SMAX] [FL-REQ] [OCA-TPL]";
    AUTH_BEARER_MISSING = "auth.bearer.missing", E, schema: false,
        "MantaGO or Smax V2 `Authorization` header without the `Bearer ` scheme", "[MG-API] [SMAX]";
    AUTH_BEARER_UNEXPECTED = "auth.bearer.unexpected", W, schema: false,
        "FIRST LINE `Authorization` header with a `Bearer ` scheme (OCA accepts one, §2.1)",
        "INFERENCE; [FL-REQ]";
    AUTH_TOKEN_MISSING = "auth.token.missing", E, schema: false,
        "`ahachat_token`, `bot_token` or `chatfuel_token` absent (with a hint when it was sent as a header)",
        "[AHA] [SMAX] [CF]";
    AUTH_JWT_MALFORMED = "auth.jwt.malformed", W, schema: false,
        "MantaGO or OCA credential is not 3 base64url segments", "INFERENCE";
    AUTH_JWT_EXPIRED = "auth.jwt.expired", W, schema: false,
        "JWT `exp` lies before the caller-supplied clock (skipped without one)", "[MG-HOWTO] [MG-ERR]";

    // phone / url / color
    PHONE_UNPARSEABLE = "phone.unparseable", E, schema: true,
        "phone number is not an optional `+` and 8–15 digits once separators are removed", "[E164]";
    PHONE_SEPARATORS = "phone.separators", W, schema: false,
        "separators (spaces, `-`, `.`, `(`, `)`) in a phone number", "INFERENCE";
    PHONE_E164 = "phone.e164", W, schema: false,
        "`e164` profile phone number is not E.164 (`+`, country code, number)", "INFERENCE; [E164]";
    PHONE_COUNTRY_CODE_MISSING = "phone.country-code-missing", E, schema: false,
        "`intl` profile phone number without a country code (national form)", "[OCA-TPL]";
    PHONE_TRUNK_ZERO = "phone.trunk-zero", E, schema: false,
        "trunk `0` kept after the country code 84, 62 or 886", "[E164] [PH-VN] [PH-ID] [PH-TW]";
    PHONE_VN_LEGACY_PREFIX = "phone.vn.legacy-prefix", W, schema: false,
        "pre-2019 11-digit Vietnamese prefix; the renumbered number is suggested", "[PH-VN]";
    PHONE_COUNTRY_PATTERN = "phone.country-pattern", W, schema: false,
        "phone number does not match the Vietnamese, Indonesian or Taiwanese mobile pattern",
        "[PH-VN] [PH-ID] [PH-TW]; ID length INFERENCE";
    URL_SYNTAX = "url.syntax", E, schema: false,
        "not an absolute URL", "RFC 3986";
    URL_SCHEME = "url.scheme", W, schema: false,
        "URL scheme other than `http`/`https` outside OCA", "INFERENCE";
    URL_HOST_LOCAL = "url.host.local", W, schema: false,
        "URL host is localhost, loopback, private or `.local`", "INFERENCE";
    COLOR_HEX_INVALID = "color.hex.invalid", E, schema: false,
        "colour is not a hex colour", "[FL-PUSH]";
    COLOR_HEX_NON_CANONICAL = "color.hex.non-canonical", W, schema: false,
        "hex colour not written as `#RRGGBB`", "INFERENCE; [LINE-REF]";

    // messenger / line / whatsapp
    MESSENGER_TAG_DEPRECATED = "messenger.tag.deprecated", E, schema: false,
        "Messenger tag retired on 2020-03-04", "[FB-TAGS] [BOTSTAR] [AMIO]";
    MESSENGER_TAG_NPI_ONLY = "messenger.tag.npi-only", W, schema: false,
        "`NON_PROMOTIONAL_SUBSCRIPTION` tag (News Page Index publishers only)", "[SHOPPOP] [MARCL]";
    MESSENGER_TAG_UNKNOWN = "messenger.tag.unknown", E, schema: false,
        "tag is neither a current nor a retired Messenger tag, nor the vendor's own pseudo-tag",
        "[FB-TAGS]";
    MESSENGER_TAG_FORMAT = "messenger.tag.format", W, schema: false,
        "whitespace, quotes or wrong case around a known tag", "INFERENCE";
    MESSENGER_TAG_VENDOR_PSEUDO = "messenger.tag.vendor-pseudo", W, schema: false,
        "vendor pseudo-tag `UPDATE` (Chatfuel) or `STANDARD_MESSAGING` (AhaChat): 24-hour window only",
        "[MARCL] [AHA-PLUGIN]";
    MESSENGER_TAG_HUMAN_AGENT = "messenger.tag.human-agent", W, schema: false,
        "`HUMAN_AGENT` tag sent through an automated API", "[FB-TAGS] [BLIP]";
    MESSENGER_TAG_NOT_VENDOR_LISTED = "messenger.tag.not-vendor-listed", W, schema: false,
        "valid Meta tag missing from the vendor's documented tag list (Smax, AhaChat)", "[SMAX] [AHA]";
    MESSENGER_TOKEN_MARKETING_DEPRECATED = "messenger.token.marketing-deprecated", W, schema: false,
        "`notification_messages_token` (marketing messages) used", "[FB-MM]";
    MESSENGER_OTN_REUSED = "messenger.otn.reused", E, schema: false,
        "same one-time notification token twice in a batch", "[FB-OTN]";
    WHATSAPP_PARAM_TEXT_EMPTY = "whatsapp.param.text-empty", E, schema: false,
        "empty or blank text parameter", "[WA-PARAM]";
    WHATSAPP_PARAM_TEXT_CHARS = "whatsapp.param.text-chars", E, schema: false,
        "`\\n`, `\\r`, `\\t` or 5+ consecutive spaces in a text parameter", "[WA-PARAM]";
    WHATSAPP_HEADER_TEXT_LENGTH = "whatsapp.header.text-length", W, schema: false,
        "header text longer than 60 characters", "[WAJS]";
    WHATSAPP_BUTTON_PAYLOAD_LENGTH = "whatsapp.button.payload-length", W, schema: false,
        "quick-reply payload longer than 256 characters", "3P (tyntec), unverified";
    WHATSAPP_BUTTON_URL_SUFFIX = "whatsapp.button.url-suffix", W, schema: false,
        "`url_dynamic` text is a full URL or has whitespace", "INFERENCE; [WA-BTN]";

    // Limit codes (spec §7 "Limit codes", thresholds from §4): all W.
    MESSENGER_TEXT_LENGTH = "messenger.text.length", W, schema: false,
        "Messenger text message longer than 2000 characters", "[FB-SEND]";
    MESSENGER_QUICK_REPLY_COUNT = "messenger.quick-reply.count", W, schema: false,
        "more than 13 Messenger quick replies", "[FB-QR]";
    MESSENGER_QUICK_REPLY_TITLE_LENGTH = "messenger.quick-reply.title-length", W, schema: false,
        "Messenger quick-reply title longer than 20 characters", "[FB-QR]";
    MESSENGER_BUTTON_COUNT = "messenger.button.count", W, schema: false,
        "more than 3 Messenger buttons in a button template or generic element", "[TBP]";
    MESSENGER_BUTTON_TITLE_LENGTH = "messenger.button.title-length", W, schema: false,
        "Messenger button title longer than 20 characters", "[TBP]";
    MESSENGER_BUTTON_TEXT_LENGTH = "messenger.button.text-length", W, schema: false,
        "Messenger button template text longer than 640 characters", "[TBP]";
    MESSENGER_GENERIC_ELEMENT_COUNT = "messenger.generic.element-count", W, schema: false,
        "more than 10 Messenger generic template elements", "[TBP]";
    MESSENGER_GENERIC_TEXT_LENGTH = "messenger.generic.text-length", W, schema: false,
        "Messenger generic element title or subtitle longer than 80 characters", "[TBP]";
    LINE_TEXT_LENGTH = "line.text.length", W, schema: false,
        "LINE text message longer than 5000 characters", "[LINE-REF] [LINE-OAS]";
    LINE_ALT_TEXT_LENGTH = "line.alt-text.length", W, schema: false,
        "LINE alt text not 1 to 400 characters long", "[LINE-REF] [LINE-OAS]";
    LINE_BUTTONS_TEXT_LENGTH = "line.buttons.text-length", W, schema: false,
        "LINE buttons template text longer than 160 characters", "[LINE-REF] [LINE-OAS]";
    LINE_BUTTONS_ACTION_COUNT = "line.buttons.action-count", W, schema: false,
        "more than 4 actions in a LINE buttons template", "[LINE-REF] [LINE-OAS]";
    LINE_CAROUSEL_COLUMN_COUNT = "line.carousel.column-count", W, schema: false,
        "more than 10 LINE carousel columns", "[LINE-REF] [LINE-OAS]";
    LINE_CAROUSEL_TITLE_LENGTH = "line.carousel.title-length", W, schema: false,
        "LINE carousel column title longer than 40 characters", "[LINE-REF] [LINE-OAS]";
    LINE_CAROUSEL_TEXT_LENGTH = "line.carousel.text-length", W, schema: false,
        "LINE carousel column text longer than 120 characters (60 with an image or title)",
        "[LINE-REF] [LINE-OAS]";
    LINE_CAROUSEL_ACTION_COUNT = "line.carousel.action-count", W, schema: false,
        "more than 3 actions in a LINE carousel column", "[LINE-REF] [LINE-OAS]";
    LINE_CAROUSEL_CONSISTENCY = "line.carousel.consistency", W, schema: false,
        "LINE carousel columns differ in action count or in their use of an image or title",
        "[LINE-REF] [LINE-OAS]";
    LINE_ACTION_LABEL_LENGTH = "line.action.label-length", W, schema: false,
        "LINE action label longer than 20 characters (12 in an image carousel)", "[LINE-REF] [LINE-OAS]";
    LINE_ACTION_TEXT_LENGTH = "line.action.text-length", W, schema: false,
        "LINE action text longer than 300 characters", "[LINE-REF] [LINE-OAS]";
    LINE_ACTION_URI = "line.action.uri", W, schema: false,
        "LINE URI action not `http`, `https` or `tel`, or longer than 1000 characters",
        "[LINE-REF] [LINE-OAS]";
    LINE_IMAGE_HTTPS = "line.image.https", W, schema: false,
        "LINE image URL not `https` or longer than 2000 characters", "[LINE-REF] [LINE-OAS]";
    LINE_QUICK_REPLY_COUNT = "line.quick-reply.count", W, schema: false,
        "more than 13 LINE quick-reply items", "[LINE-REF] [LINE-OAS]";

    // mantago / ahachat
    MANTAGO_CONTENT_MISSING = "mantago.content.missing", E, schema: true,
        "neither `intentId` nor `message`", "[MG-API]";
    MANTAGO_CONTENT_BOTH = "mantago.content.both", W, schema: false,
        "both `intentId` and `message` (precedence unknown)", "INFERENCE";
    MANTAGO_FB_TAG_REQUIRED = "mantago.fb-tag.required", E, schema: true,
        "`platform` `facebook` without `fbTag`", "[MG-API]";
    MANTAGO_FB_TAG_UNUSED = "mantago.fb-tag.unused", W, schema: false,
        "`fbTag` on a platform other than `facebook`", "INFERENCE";
    MANTAGO_PLATFORM_UNKNOWN = "mantago.platform.unknown", W, schema: false,
        "`platform` is neither `line` nor `facebook`", "INFERENCE; [MG-UC] [MG-MEM]";
    MANTAGO_CLIENT_IDS_OMITTED = "mantago.client-ids.omitted", W, schema: false,
        "`clientIds` missing or empty (audience undefined)", "INFERENCE";
    MANTAGO_CLIENT_IDS_DUPLICATE = "mantago.client-ids.duplicate", W, schema: false,
        "repeated id in `clientIds`", "INFERENCE";
    MANTAGO_NAME_MISSING = "mantago.name.missing", W, schema: false,
        "no `name`", "[MG-API] (revisions differ)";
    MANTAGO_BOT_ID_SHAPE = "mantago.bot-id.shape", W, schema: false,
        "`botId` is not 9 × `[A-Za-z0-9]`", "INFERENCE";
    MANTAGO_BOT_ID_IN_BODY = "mantago.bot-id.in-body", W, schema: false,
        "`botId` only in the body, not in the query", "[MG-UC] vs [MG-API]";
    MANTAGO_BOT_ID_CONFLICT = "mantago.bot-id.conflict", E, schema: false,
        "query and body `botId` differ", "[MG-API] [MG-UC]";
    AHACHAT_BLOCK_MISSING = "ahachat.block.missing", W, schema: false,
        "no `ahachat_block_name`", "INFERENCE";
    AHACHAT_PARAMS_IN_BODY = "ahachat.params.in-body", W, schema: false,
        "parameters sent in a JSON body instead of the query", "INFERENCE (CODE)";
    AHACHAT_TOKEN_SHAPE = "ahachat.token.shape", W, schema: false,
        "`ahachat_token` is not 64 lower-case hex digits", "INFERENCE (CODE)";
    AHACHAT_USER_ID_SHAPE = "ahachat.user-id.shape", W, schema: false,
        "`USER_ID` is not all digits", "INFERENCE";
    AHACHAT_ATTR_RESERVED_PREFIX = "ahachat.attr.reserved-prefix", W, schema: false,
        "attribute name starts with `ahachat_`", "INFERENCE";

    // smax / chatfuel
    SMAX_BLOCK_MULTIPLE = "smax.block.multiple", W, schema: false,
        "V1 `block_name` and `block_id` both given", "INFERENCE; [SMAX] (\"instead\")";
    SMAX_BLOCK_MISSING = "smax.block.missing", W, schema: false,
        "V1 request without `block_name` or `block_id`", "INFERENCE";
    SMAX_BLOCK_ID_SHAPE = "smax.block-id.shape", W, schema: false,
        "`block_id` is not 24 hex digits", "INFERENCE (CODE)";
    SMAX_TAG_QUOTED = "smax.tag.quoted", W, schema: false,
        "`messaging_tag` wrapped in literal quotes", "[SMAX]";
    SMAX_PARAMS_IN_BODY = "smax.params.in-body", W, schema: false,
        "V1 `bot_token`, `block_name`, `block_id` or `messaging_tag` in the JSON body (attributes there are fine)",
        "INFERENCE (CODE)";
    SMAX_CUSTOMER_IDENTIFIER_REQUIRED = "smax.customer.identifier-required", E, schema: true,
        "V2 request without a customer identifier", "[SMAX]";
    SMAX_CUSTOMER_MULTIPLE_IDENTIFIERS = "smax.customer.multiple-identifiers", W => E, schema: false,
        "V2 request with more than one customer identifier", "[SMAX]";
    SMAX_CUSTOMER_EMAIL_UNPARSEABLE = "smax.customer.email-unparseable", E, schema: false,
        "cannot be an e-mail address: no `@`, or nothing before or after it",
        "[SMAX] (customer e-mail); RFC 5322 `addr-spec`";
    SMAX_CUSTOMER_EMAIL_FORMAT = "smax.customer.email-format", W, schema: false,
        "implausible e-mail address (whitespace, several `@`, no `.` in the domain)", "INFERENCE";
    SMAX_CONTENT_MISSING = "smax.content.missing", W, schema: false,
        "V2 request with neither `block_id` nor `messages`", "INFERENCE";
    SMAX_CONTENT_BOTH = "smax.content.both", W, schema: false,
        "V2 request with both `block_id` and `messages`", "INFERENCE";
    SMAX_MESSAGES_SHAPE = "smax.messages.shape", W, schema: false,
        "`messages` element is not an object with `text` or `attachment`", "INFERENCE; [SMAX]";
    SMAX_PRIORITY_ITEMS = "smax.priority.items", W, schema: false,
        "unknown or repeated `priority` item", "INFERENCE";
    /// Retired: never emitted; the code stays reserved (spec §7).
    SMAX_TAG_V2_UNDOCUMENTED = "smax.tag.v2-undocumented", W, schema: false,
        "retired, never emitted: V2 `messaging_tag` is accepted (§3.6); the code stays reserved", "—";
    SMAX_ATTR_TOP_LEVEL = "smax.attr.top-level", W, schema: false,
        "unknown top-level V2 key", "INFERENCE (CODE)";
    SMAX_SEND_MODE_CONFLICT = "smax.send-mode.conflict", W, schema: false,
        "more than one of `messaging_tag`, `one_time_notif_token` and `notification_messages_token`",
        "INFERENCE";
    CHATFUEL_ROUTE_MISSING = "chatfuel.route.missing", E, schema: true,
        "no block or flow selector", "[CF] [CF-HELP]";
    CHATFUEL_ROUTE_MULTIPLE = "chatfuel.route.multiple", W, schema: false,
        "more than one block or flow selector (behaviour undocumented)", "INFERENCE; [CF-HELP] [MARCL]";
    CHATFUEL_BLOCK_ID_SHAPE = "chatfuel.block-id.shape", W, schema: false,
        "`chatfuel_block_id` is not 24 hex digits", "INFERENCE; [MARCL]";
    CHATFUEL_ATTR_RESERVED_PREFIX = "chatfuel.attr.reserved-prefix", E, schema: false,
        "attribute name starts with `chatfuel_` (Chatfuel, Smax V1)", "[CF] [SMAX]";

    // firstline
    FIRSTLINE_CONTACTABLE_TYPE_ENUM = "firstline.contactable-type.enum", E, schema: true,
        "`contactable_type` is not one of the 7 documented types", "[FL-PUSH]";
    FIRSTLINE_CONTACTABLE_ID_TYPE = "firstline.contactable-id.type", W, schema: false,
        "`contactable_id` is neither an integer nor a digit string", "INFERENCE";
    FIRSTLINE_MESSAGE_SHAPE = "firstline.message.shape", E, schema: true,
        "`message` is a string where an object is expected or the reverse, or lacks `options`/`columns`",
        "[FL-PUSH]";
    FIRSTLINE_MESSAGE_FIELD_MISSING = "firstline.message.field-missing", W, schema: false,
        "a documented `message` field is missing", "INFERENCE";
    FIRSTLINE_OPTION_TYPE_UNKNOWN = "firstline.option.type-unknown", W, schema: false,
        "option or action `type` not in the documented list", "[FL-PUSH]";
    FIRSTLINE_OPTION_URL_REQUIRED = "firstline.option.url-required", E, schema: true,
        "option of type `url` without `url`", "[FL-PUSH]";
    FIRSTLINE_OPTION_NUMBER_REQUIRED = "firstline.option.number-required", E, schema: true,
        "option of type `phonenumber` without `number`", "[FL-PUSH]";
    FIRSTLINE_OPTION_EXTRANEOUS = "firstline.option.extraneous", W, schema: false,
        "`url` or `number` on an option of another type", "[FL-PUSH]";
    FIRSTLINE_IS_FORCE_TYPE = "firstline.is-force.type", E, schema: true,
        "`is_force` is not a boolean, 0 or 1", "[FL-PUSH] [FL-LUID]";
    FIRSTLINE_LINE_USER_ID_FORMAT = "firstline.line-user-id.format", E, schema: true,
        "`user_id` is not `U` followed by 32 lower-case hex digits", "[FL-LUID]";
    FIRSTLINE_LINE_ACCOUNT_TYPE = "firstline.line-account.type", E, schema: false,
        "`line_account` is not a positive integer", "[FL-LUID]";
    FIRSTLINE_HEADER_ACCEPT = "firstline.header.accept", W, schema: false,
        "no `Accept: application/json` header", "[FL-REQ]";

    // oca
    OCA_TEMPLATE_CODE_SHAPE = "oca.template-code.shape", W, schema: false,
        "whitespace, control characters or an unfilled placeholder (`{{…}}`, `<…>`) in `template_code_id`",
        "INFERENCE (CODE)";
    OCA_PAYLOAD_DUPLICATE_POSITION = "oca.payload.duplicate-position", W, schema: false,
        "two header or two body components", "INFERENCE";
    OCA_PAYLOAD_EMPTY_PARAMETERS = "oca.payload.empty-parameters", W, schema: false,
        "`parameters: []` on a header or button component (a body component may be empty)",
        "INFERENCE; [OCA-MEDIA]";
    OCA_BODY_PARAM_TYPE = "oca.body.param-type", E, schema: true,
        "body parameter `type` is not `text`", "[OCA-TPL]";
    OCA_HEADER_MEDIA_MISMATCH = "oca.header.media-mismatch", E, schema: true,
        "header parameter's value key is missing or does not match its `type`", "[OCA-TPL]";
    OCA_HEADER_PARAM_COUNT = "oca.header.param-count", W, schema: false,
        "header component without exactly 1 parameter", "INFERENCE";
    OCA_MEDIA_URL_SCHEME = "oca.media.url-scheme", E, schema: true,
        "media URL is not `http`/`https`", "[OCA-TPL]";
    OCA_BUTTON_SUB_TYPE_SPELLING = "oca.button.sub-type-spelling", W, schema: false,
        "`sub_type` key (WhatsApp's spelling) instead of OCA's documented `sub_types`",
        "INFERENCE; [OCA-TPL]";
    OCA_BUTTON_SUB_TYPE_ENUM = "oca.button.sub-type-enum", E, schema: true,
        "button sub-type is neither `quick_reply` nor `url_dynamic`", "[OCA-TPL]";
    OCA_BUTTON_INDEX_TYPE = "oca.button.index-type", E, schema: true,
        "button `index` missing, negative or fractional", "[OCA-TPL]";
    OCA_BUTTON_INDEX_STRING = "oca.button.index-string", W, schema: false,
        "button `index` is a numeric string", "[OCA-TPL]; 3P SDKs";
    OCA_BUTTON_INDEX_RANGE = "oca.button.index-range", E, schema: true,
        "button `index` greater than 9 (WhatsApp: up to 10 buttons, index values 0 to 9)",
        "[BIRD] [WA-BTN]";
    OCA_BUTTON_INDEX_DUPLICATE = "oca.button.index-duplicate", W, schema: false,
        "repeated button `index`", "INFERENCE";
    OCA_BUTTON_PARAMETERS_SHAPE = "oca.button.parameters-shape", W, schema: false,
        "button `parameters` is an object, or does not have exactly 1 item", "INFERENCE; [OCA-TPL]";
    /// Not schema-expressed: the rule joins the button's sub-type to its parameter's type
    /// (quick_reply ⇒ payload), which the generated schema does not state yet.
    OCA_BUTTON_PARAM_TYPE = "oca.button.param-type", E, schema: true,
        "button parameter type or value does not match the sub-type", "[OCA-TPL]";
    OCA_AUTH_MEDIA_HEADER = "oca.auth.media-header", E, schema: false,
        "authentication template with a media header", "[OCA-AUTH]";
    OCA_AUTH_OTP_CHARSET = "oca.auth.otp-charset", E, schema: false,
        "OTP contains symbols", "[OCA-AUTH]";
    OCA_AUTH_BUTTON_OTP = "oca.auth.button-otp", W, schema: false,
        "copy-code button text differs from the OTP", "INFERENCE; [WA-AUTH]";
    OCA_TEMPLATE_UNREGISTERED = "oca.template.unregistered", W => E, schema: false,
        "`template_code_id` not in the template registry", "registry; [OCA-ERR] 59";
    OCA_TEMPLATE_BODY_PARAM_COUNT = "oca.template.body-param-count", E, schema: false,
        "body parameter count differs from the registry", "registry; [OCA-ERR] 39";
    OCA_TEMPLATE_HEADER_MISMATCH = "oca.template.header-mismatch", E, schema: false,
        "header presence or kind differs from the registry", "registry; [OCA-ERR] 39";
    OCA_TEMPLATE_BUTTON_INDEX = "oca.template.button-index", E, schema: false,
        "button `index` not below the registered button count", "registry";
    OCA_TEMPLATE_BUTTON_SUB_TYPE = "oca.template.button-sub-type", E, schema: false,
        "button sub-type differs from the registered one", "registry";
    OCA_TEMPLATE_BUTTON_STATIC = "oca.template.button-static", E, schema: false,
        "component given for a static button", "registry";
    OCA_TEMPLATE_BUTTON_MISSING = "oca.template.button-missing", E, schema: false,
        "registered `url_dynamic` button not supplied", "registry; [OCA-ERR] 39";
}

/// Rules that are reserved but never emitted. Their codes stay in [`ALL`] so that they are
/// never reused (spec §0), and so that [`find`] still resolves them.
pub const RETIRED: &[&Rule] = &[&SMAX_TAG_V2_UNDOCUMENTED];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::diag::Profile;

    /// The namespaces of spec §0, in the spec's order.
    const NAMESPACES: &[&str] = &[
        "mantago",
        "ahachat",
        "smax",
        "chatfuel",
        "firstline",
        "oca",
        "messenger",
        "line",
        "whatsapp",
        "request",
        "common",
        "auth",
        "phone",
        "url",
        "color",
    ];

    #[test]
    fn codes_are_unique() {
        let mut seen = BTreeSet::new();
        for rule in ALL {
            assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
        }
    }

    #[test]
    fn codes_match_the_spec_grammar() {
        let grammar =
            regex::Regex::new(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*){1,2}$").unwrap();
        for rule in ALL {
            assert!(
                grammar.is_match(rule.code),
                "{} breaks the code grammar",
                rule.code
            );
        }
    }

    #[test]
    fn namespaces_are_the_specs() {
        for rule in ALL {
            let namespace = rule.code.split('.').next().unwrap();
            assert!(
                NAMESPACES.contains(&namespace),
                "{} has an unknown namespace",
                rule.code
            );
        }
    }

    #[test]
    fn inference_rules_are_warnings_in_every_profile() {
        // Spec §0: "Every INFERENCE rule is W in every profile", wherever the word stands in
        // the source (`INFERENCE; [MG-UC]`, `[PH-VN] ...; ID length INFERENCE`).
        for rule in ALL.iter().filter(|r| r.source.contains("INFERENCE")) {
            for profile in [Profile::Default, Profile::Strict] {
                assert_eq!(
                    rule.severity_in(profile),
                    Severity::Warning,
                    "{} in {profile:?}",
                    rule.code
                );
            }
        }
    }

    #[test]
    fn strict_never_demotes() {
        for rule in ALL {
            assert!(
                rule.strict >= rule.severity,
                "{} is demoted by strict",
                rule.code
            );
        }
    }

    #[test]
    fn strict_promotes_exactly_the_marked_rules() {
        let promoted: Vec<_> = ALL
            .iter()
            .filter(|r| r.strict != r.severity)
            .map(|r| r.code)
            .collect();
        assert_eq!(
            promoted,
            [
                "smax.customer.multiple-identifiers",
                "oca.template.unregistered"
            ]
        );
    }

    #[test]
    fn find_resolves_every_code_and_nothing_else() {
        for rule in ALL {
            assert_eq!(find(rule.code), Some(*rule), "{}", rule.code);
        }
        for unknown in [
            "",
            "phone",
            "phone.e-164",
            "PHONE.E164",
            "phone.e164 ",
            "oca.button.index-rang",
        ] {
            assert_eq!(find(unknown), None, "{unknown:?}");
        }
        // `find` is usable in constant context, which is how generated code resolves codes.
        const RANGE: Option<&Rule> = find("oca.button.index-range");
        assert_eq!(RANGE.map(|r| r.code), Some("oca.button.index-range"));
    }

    #[test]
    fn retired_rules_are_catalogued_warnings() {
        for rule in RETIRED {
            assert!(
                ALL.contains(rule),
                "{} is retired but not catalogued",
                rule.code
            );
            assert_eq!(rule.severity, Severity::Warning, "{}", rule.code);
        }
    }

    #[test]
    fn summaries_are_single_lines() {
        for rule in ALL {
            assert!(
                !rule.summary.is_empty() && !rule.summary.contains('\n'),
                "{}",
                rule.code
            );
            assert!(!rule.source.is_empty(), "{}", rule.code);
        }
    }
}
