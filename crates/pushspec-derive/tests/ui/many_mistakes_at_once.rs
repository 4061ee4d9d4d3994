use pushspec::Model;
use serde::{Deserialize, Serialize};

/// Four mistakes: all four are reported in one build.
#[derive(Serialize, Deserialize, Model)]
#[pushspec(exactly_one_of(intent, message, missing = "mantago.content.missing", multiple = "mantago.content.both"))]
struct Broadcast {
    #[pushspec(phone = "mobile")]
    intent_id: Option<String>,
    #[pushspec(chars(max = 10, min = 20, code = "line.text.length"))]
    message: Option<String>,
    #[pushspec(colour)]
    color: Option<String>,
}
fn main() {}
