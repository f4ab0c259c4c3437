//! Part files of `--chunk` (partial batches and sweeps) from arbitrary bytes: see
//! `aliansi_wire::fuzz::check_part`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    aliansi_wire::fuzz::check_part(data);
});
