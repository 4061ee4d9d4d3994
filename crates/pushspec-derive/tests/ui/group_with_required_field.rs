use pushspec::Model;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Model)]
#[pushspec(at_least_one_of(customer_id, customer_email, code = "smax.customer.identifier-required"))]
struct Send {
    customer_id: String,
    customer_email: Option<String>,
}
fn main() {}
