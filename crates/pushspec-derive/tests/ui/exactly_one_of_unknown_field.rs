use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
#[pushspec(exactly_one_of(intent_id, mesage, missing = "mantago.content.missing", multiple = "mantago.content.both"))]
struct Broadcast {
    intent_id: Option<String>,
    message: Option<String>,
}
fn main() {}
