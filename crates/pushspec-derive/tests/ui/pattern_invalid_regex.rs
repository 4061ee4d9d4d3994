use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
struct LineUser {
    #[pushspec(pattern(regex = "^U[0-9a-f{32}$", code = "firstline.line-user-id.format"))]
    user_id: String,
}
fn main() {}
