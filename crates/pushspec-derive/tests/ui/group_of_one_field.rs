use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
#[pushspec(at_least_one_of(customer_id, code = "smax.customer.identifier-required"))]
struct Send {
    customer_id: Option<String>,
}
fn main() {}
