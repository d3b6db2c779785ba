//! The drawn codes read back as a phone's camera would (rqrr, a decoder written apart from the
//! encoder): the path the kiosk draws, painted into a bitmap, must decode to the address.

use class_spec_qr::{code, Code, TooLong, MAX_VERSION, MOST_BYTES, QUIET_ZONE};

/// The code's path (`M{x} {y}h{run}v1h-{run}z`, as `code` writes it) painted at `scale`
/// pixels a module, dark on light.
fn paint(code: &Code, scale: usize) -> (usize, Vec<u8>) {
    let side = code.size * scale;
    let mut pixels = vec![255u8; side * side];
    for rect in code.path.split('z').filter(|r| !r.is_empty()) {
        let numbers: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect();
        let [x, y, run, one, back] = numbers[..] else {
            panic!("not a run: {rect}");
        };
        assert_eq!((one, back), (1, run), "{rect}");
        for py in y * scale..(y + 1) * scale {
            for px in x * scale..(x + run) * scale {
                pixels[py * side + px] = 0;
            }
        }
    }
    (side, pixels)
}

fn decode(code: &Code) -> String {
    let (side, pixels) = paint(code, 4);
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| pixels[y * side + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    grids[0].decode().expect("the code reads").1
}

#[test]
fn a_drawn_code_reads_back_as_its_address() {
    // Mutation tried: the quiet zone left out of the offset (`start + 0`) draws the code
    // against the edge, and rqrr finds no grid.
    for address in [
        "https://classes.example.org/class/102D",
        "http://127.0.0.1:8080/compare?classes=102A%2F2024,102B,102C,102D",
        "https://classes.example.org/planner?class=102C&years=5&in-class=2&education=associate",
        "https://classes.example.org/search?q=%E2%80%9Cclose+supervision%E2%80%9D",
    ] {
        let drawn = code(address).unwrap();
        assert_eq!(decode(&drawn), address);
        assert!(
            drawn
                .path
                .starts_with(&format!("M{QUIET_ZONE} {QUIET_ZONE}h7")),
            "the finder pattern, inside the quiet zone"
        );
    }
}

#[test]
fn an_address_too_long_for_arms_length_is_refused_not_drawn() {
    // Mutation tried: Version::MAX in place of MAX_VERSION draws the longer address (as a code
    // of 101 modules or more) and fails the second assertion.
    let fits = "a".repeat(MOST_BYTES);
    let drawn = code(&fits).unwrap();
    assert_eq!(
        drawn.size,
        17 + 4 * usize::from(MAX_VERSION) + 2 * QUIET_ZONE
    );
    assert_eq!(decode(&drawn), fits);
    let long = "a".repeat(MOST_BYTES + 1);
    assert_eq!(
        code(&long),
        Err(TooLong {
            bytes: MOST_BYTES + 1
        })
    );
    // A search of 200 characters that are not ASCII, as an address: three times as many bytes.
    let search = format!(
        "https://classes.example.org/search?q={}",
        "%C3%A9".repeat(200)
    );
    assert!(code(&search).is_err());
}
