use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct SendByUser {
    #[pushspec(expected)]
    ahachat_block_name: String,
}
fn main() {}
