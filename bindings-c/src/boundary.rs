//! What every export goes through: the panic boundary, and the checked reading of pointer
//! arguments.
//!
//! A Rust panic must never unwind into C (that aborts the host process, or worse), so every
//! exported function runs its body inside [`boundary`], which turns a panic into
//! `MOTCUA_STATUS_PANIC` (or the neutral value of functions that return no status). Every pointer
//! is checked for NULL before it is read (the `try_*` helpers), and outputs are written only once
//! the call has succeeded ([`Output`]).

use std::ffi::c_char;
use std::panic::{self, AssertUnwindSafe};
use std::ptr::NonNull;

use crate::MotcuaStatus;

/// What an export's body returns, and what the export returns to C for it, or for a panic.
pub(crate) trait FfiReturn {
    /// The type the exported function returns to C.
    type C;
    /// The value returned to C for a body that finished.
    fn into_c(self) -> Self::C;
    /// The value returned to C for a body that panicked.
    fn panicked() -> Self::C;
}

impl FfiReturn for Result<(), MotcuaStatus> {
    type C = MotcuaStatus;

    fn into_c(self) -> MotcuaStatus {
        match self {
            Ok(()) => MotcuaStatus::Ok,
            Err(status) => status,
        }
    }

    fn panicked() -> MotcuaStatus {
        MotcuaStatus::Panic
    }
}

/// For the functions that release memory: a panic there is swallowed, the memory leaks.
impl FfiReturn for () {
    type C = ();

    fn into_c(self) {}

    fn panicked() {}
}

/// For functions that return a static string: a panic returns NULL.
impl FfiReturn for *const c_char {
    type C = *const c_char;

    fn into_c(self) -> *const c_char {
        self
    }

    fn panicked() -> *const c_char {
        std::ptr::null()
    }
}

/// Runs `body`, the whole body of an exported function, and returns its value to C; a panic
/// inside it becomes [`FfiReturn::panicked`] instead of unwinding into C.
///
/// `AssertUnwindSafe` is sound here: after a panic, nothing the body touched is used again, since
/// outputs are written only at the very end of a successful body.
pub(crate) fn boundary<R: FfiReturn>(body: impl FnOnce() -> R) -> R::C {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value.into_c(),
        Err(_) => R::panicked(),
    }
}

/// The `len` bytes at `ptr`, borrowed for the duration of the call.
///
/// NULL is `MOTCUA_STATUS_NULL_ARGUMENT` even when `len` is 0: an empty text is a valid pointer
/// to zero bytes (`""`). A length above `isize::MAX` cannot be a real buffer and is
/// `MOTCUA_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// If `ptr` is not NULL, it must point to `len` readable bytes that stay unchanged during the call.
pub(crate) unsafe fn try_bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], MotcuaStatus> {
    if ptr.is_null() {
        return Err(MotcuaStatus::NullArgument);
    }
    if isize::try_from(len).is_err() {
        return Err(MotcuaStatus::InvalidArgument);
    }
    // SAFETY: not NULL, at most isize::MAX bytes, readable as the caller guarantees.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// The UTF-8 text of `len` bytes at `ptr`; like [`try_bytes`], and `MOTCUA_STATUS_INVALID_UTF8`
/// when the bytes are not UTF-8.
///
/// # Safety
///
/// As for [`try_bytes`].
pub(crate) unsafe fn try_str<'a>(ptr: *const u8, len: usize) -> Result<&'a str, MotcuaStatus> {
    // SAFETY: forwarded from the caller.
    let bytes = unsafe { try_bytes(ptr, len) }?;
    std::str::from_utf8(bytes).map_err(|_| MotcuaStatus::InvalidUtf8)
}

/// The object behind a handle argument, borrowed for the duration of the call.
///
/// # Safety
///
/// If `ptr` is not NULL, it must come from this library's constructor for `T` and not have been
/// freed.
pub(crate) unsafe fn try_ref<'a, T>(ptr: *const T) -> Result<&'a T, MotcuaStatus> {
    // SAFETY: a live handle, as the caller guarantees.
    unsafe { ptr.as_ref() }.ok_or(MotcuaStatus::NullArgument)
}

/// An output argument, checked for NULL up front and written only at the end of a successful
/// call.
pub(crate) struct Output<T>(NonNull<T>);

impl<T> Output<T> {
    /// The output argument `ptr`; `MOTCUA_STATUS_NULL_ARGUMENT` when it is NULL.
    pub(crate) fn new(ptr: *mut T) -> Result<Self, MotcuaStatus> {
        NonNull::new(ptr)
            .map(Self)
            .ok_or(MotcuaStatus::NullArgument)
    }

    /// Writes `value` to the caller's variable, without reading or dropping what was there.
    ///
    /// # Safety
    ///
    /// The pointer given to [`Output::new`] must be valid for writing a `T`.
    pub(crate) unsafe fn write(self, value: T) {
        // SAFETY: not NULL, and writable as the caller guarantees.
        unsafe { self.0.as_ptr().write(value) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_panic_status() {
        let status = boundary(|| -> Result<(), MotcuaStatus> { panic!("forced panic in a test") });
        assert_eq!(status, MotcuaStatus::Panic);
    }

    #[test]
    fn a_panic_deep_in_a_call_becomes_the_panic_status() {
        fn deep(n: u32) -> Result<(), MotcuaStatus> {
            if n == 0 {
                let v: Vec<u8> = Vec::new();
                // An out-of-bounds index: the kind of bug the boundary exists for.
                let _ = v[usize::from(v.is_empty())];
                return Ok(());
            }
            deep(n - 1)
        }
        assert_eq!(boundary(|| deep(20)), MotcuaStatus::Panic);
    }

    #[test]
    fn a_panic_in_a_string_function_becomes_null() {
        let p = boundary(|| -> *const c_char { panic!("forced panic in a test") });
        assert!(p.is_null());
    }

    #[test]
    fn a_finished_body_returns_its_status() {
        assert_eq!(boundary(|| Ok(())), MotcuaStatus::Ok);
        assert_eq!(
            boundary(|| Err(MotcuaStatus::InvalidUtf8)),
            MotcuaStatus::InvalidUtf8
        );
    }

    #[test]
    fn null_and_oversized_buffers_are_refused() {
        // SAFETY: NULL and an impossible length are refused before any read.
        unsafe {
            assert_eq!(
                try_bytes(std::ptr::null(), 0),
                Err(MotcuaStatus::NullArgument)
            );
            let b = [0u8; 1];
            assert_eq!(
                try_bytes(b.as_ptr(), usize::MAX),
                Err(MotcuaStatus::InvalidArgument)
            );
            assert_eq!(
                try_str([0xffu8].as_ptr(), 1),
                Err(MotcuaStatus::InvalidUtf8)
            );
            assert_eq!(try_str(b"ab".as_ptr(), 2), Ok("ab"));
        }
    }

    #[test]
    fn a_null_output_is_refused() {
        assert!(matches!(
            Output::<u8>::new(std::ptr::null_mut()),
            Err(MotcuaStatus::NullArgument)
        ));
    }
}
