#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| motcua_fuzz::identifier(motcua_core::ids::IdKind::Phone, data));
