use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Broadcast {
    platform: String,
    #[pushspec(requird_if(platform = "facebook", code = "mantago.fb-tag.required"))]
    fb_tag: Option<String>,
}
fn main() {}
