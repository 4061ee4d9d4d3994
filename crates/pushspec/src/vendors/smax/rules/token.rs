//! Messenger send tokens (spec §2.4): `notification_messages_token` sends a marketing
//! message, which Meta restricted from 2025-09-01 and deprecated on 2026-01-12
//! (`messenger.token.marketing-deprecated`; reported whatever the date, so CI runs are
//! reproducible).
//!
//! `messenger.otn.reused`: a one-time notification token is single use, so the same token
//! twice in one run (an NDJSON export, a HAR capture, several files) is an error. Checked
//! when the caller validates a batch (`Options::batch`); a request alone cannot break it.
//!
//! ```text
//! #[pushspec(apply = rules::token::marketing_deprecated)]
//! notification_messages_token: Option<Secret>,
//! ```

use crate::catalog;
use crate::check::Cx;
use crate::diag::Path;
use crate::json::Node;

/// Checks a `one_time_notif_token` against the batch's earlier requests.
pub fn one_time_reused(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    let (Some(token), Some(batch)) = (
        node.as_str().filter(|t| !t.is_empty()),
        cx.options().batch.clone(),
    ) else {
        return;
    };
    if !batch.first_use("one_time_notif_token", token) {
        cx.emit(
            &catalog::MESSENGER_OTN_REUSED,
            at,
            node.span,
            "this `one_time_notif_token` was already used by an earlier request of this batch; a one-time token sends one message",
        )
        .help("ask the user to opt in again for another one-time notification");
    }
}

/// Checks a `notification_messages_token`: any non-empty value is a deprecated send mode.
/// The message never shows the token.
pub fn marketing_deprecated(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    if !node.is_given() {
        return;
    }
    cx.emit(
        &catalog::MESSENGER_TOKEN_MARKETING_DEPRECATED,
        at,
        node.span,
        "`notification_messages_token` sends a Messenger marketing message, which Meta restricted from 2025-09-01 and deprecated on 2026-01-12",
    )
    .help("Meta's successor API takes the token as `messenger_delivery_data.subscription_token`; within 24 hours of the customer's last message, send without a token");
}
