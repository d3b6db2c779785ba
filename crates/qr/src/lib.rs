//! A QR code of an address, drawn on the device (issue 23: a kiosk's "Take this with you").
//!
//! One rule, [`code`]: the address as bytes, error correction level M (a code still reads with
//! a fifteenth of it smudged or glared, a kiosk's screen in a lobby), and never larger than
//! version [`MAX_VERSION`], whose modules stay large enough to read from arm's length on the
//! kiosk's screen. An address that would need more says so ([`TooLong`]) rather than being
//! drawn as a code no phone would read there.

use std::fmt::Write as _;

#[cfg(target_arch = "wasm32")]
pub mod panel;

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// The largest code drawn: 77 modules a side (85 with the quiet zone), so a code drawn 640 CSS
/// pixels wide on the kiosk's 1080 by 1920 screen has modules of 7.5 pixels, which a phone's
/// camera reads from arm's length.
pub const MAX_VERSION: u8 = 15;
/// The most bytes an address may have to fit in a code of [`MAX_VERSION`] at level M
/// (checked by the tests against the encoder).
pub const MOST_BYTES: usize = 412;
/// The light modules around the code that a reader needs to find it (the standard's four).
pub const QUIET_ZONE: usize = 4;
/// [`QUIET_ZONE`] in the encoder's coordinates.
const QUIET: i32 = 4;
const _: () = assert!(QUIET_ZONE == 4);

/// A drawn code: `size` modules a side, quiet zone included, and the dark modules as one SVG
/// path in module units (`M4 4h7v1h-7z…`, a run of dark modules in a row per rectangle).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub size: usize,
    pub path: String,
}

/// An address too long for a code that can be read from arm's length: its length in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    pub bytes: usize,
}

/// The code of `text` (see the crate's rule).
///
/// # Errors
///
/// [`TooLong`] when `text` has more than [`MOST_BYTES`] bytes.
pub fn code(text: &str) -> Result<Code, TooLong> {
    let segments = [QrSegment::make_bytes(text.as_bytes())];
    let qr = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::new(MAX_VERSION),
        None,
        true,
    )
    .map_err(|_| TooLong { bytes: text.len() })?;
    let modules = qr.size();
    let mut path = String::new();
    for y in 0..modules {
        let mut x = 0;
        while x < modules {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && qr.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let (left, top) = (start + QUIET, y + QUIET);
            let _ = write!(path, "M{left} {top}h{run}v1h-{run}z");
        }
    }
    Ok(Code {
        size: usize::try_from(modules).unwrap_or_default() + 2 * QUIET_ZONE,
        path,
    })
}
