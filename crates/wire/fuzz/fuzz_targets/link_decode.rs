//! Share links (`s1.` to `s4.`, and `e1.`) from arbitrary bytes: see `aliansi_wire::fuzz::check_link`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    aliansi_wire::fuzz::check_link(data);
});
