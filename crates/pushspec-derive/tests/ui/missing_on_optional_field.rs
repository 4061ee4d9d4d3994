use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Button {
    #[pushspec(missing = "oca.button.index-type")]
    index: Option<u8>,
}
fn main() {}
