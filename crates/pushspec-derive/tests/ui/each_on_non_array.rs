use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Broadcast {
    #[pushspec(each(chars(max = 64, code = "mantago.client-ids.duplicate")))]
    client_ids: String,
}
fn main() {}
