//! Prints the names both sides of the browser edge use (`class_spec_core::contract`) as JSON:
//! the one source the build's scripts read (`scripts/contract.mjs`) and put into the browser's
//! files as it writes them. Native only.

fn main() {
    print!("{}", class_spec_core::contract::json());
}
