use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct Push {
    #[pushspec(phone = "international")]
    phone_number: String,
}
fn main() {}
