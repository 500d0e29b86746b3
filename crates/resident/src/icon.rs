//! The tray icon: the app icon with a status dot — green when all is well, amber when something
//! expires within 7 days, red when something expired or was refused.

use kagiban_core::expiry::Urgency;

/// The app icon the dot is painted on (32×32, RGBA).
const BASE_PNG: &[u8] = include_bytes!("../../../icons/32x32.png");

/// An RGBA image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rgba {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Row-major RGBA bytes.
    pub pixels: Vec<u8>,
}

/// The tray icon for `urgency`.
pub fn tray_icon(urgency: Urgency) -> Rgba {
    let mut icon = decode(BASE_PNG).unwrap_or_else(|err| {
        tracing::warn!(%err, "the app icon could not be decoded");
        Rgba {
            width: 32,
            height: 32,
            pixels: vec![0; 32 * 32 * 4],
        }
    });
    paint_dot(&mut icon, dot_color(urgency));
    icon
}

/// The dot's colour.
pub fn dot_color(urgency: Urgency) -> [u8; 3] {
    match urgency {
        Urgency::Ok => [0x2e, 0x7d, 0x32],
        Urgency::DueSoon => [0xf9, 0xa8, 0x25],
        Urgency::Expired => [0xc6, 0x28, 0x28],
    }
}

fn decode(bytes: &[u8]) -> Result<Rgba, png::DecodingError> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info()?;
    let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader.next_frame(&mut buf)?;
    buf.truncate(info.buffer_size());
    let pixels = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 0xff])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 0xff]).collect(),
        png::ColorType::Indexed => unreachable!("EXPAND turns palettes into RGB(A)"),
    };
    Ok(Rgba {
        width: info.width,
        height: info.height,
        pixels,
    })
}

/// A filled circle of `color` with a white ring, a quarter of the icon wide, bottom right.
fn paint_dot(icon: &mut Rgba, color: [u8; 3]) {
    let (w, h) = (icon.width, icon.height);
    let r = (w.min(h) as f32) * 0.22;
    let (cx, cy) = (w as f32 - r - 1.0, h as f32 - r - 1.0);
    let ring = (r * 0.18).max(1.0);
    for y in 0..h {
        for x in 0..w {
            let d = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
            if d > r {
                continue;
            }
            let px = ((y * w + x) * 4) as usize;
            let fill = if d > r - ring { [0xff; 3] } else { color };
            icon.pixels[px..px + 3].copy_from_slice(&fill);
            icon.pixels[px + 3] = 0xff;
        }
    }
}

/// ARGB32 in network byte order, as the StatusNotifierItem `IconPixmap` property wants it.
pub fn to_argb_be(icon: &Rgba) -> Vec<u8> {
    icon.pixels
        .chunks_exact(4)
        .flat_map(|p| [p[3], p[0], p[1], p[2]])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(icon: &Rgba, x: u32, y: u32) -> [u8; 4] {
        let p = ((y * icon.width + x) * 4) as usize;
        icon.pixels[p..p + 4].try_into().unwrap()
    }

    #[test]
    fn the_status_dot_is_drawn_in_the_lower_right_corner_only() {
        let plain = decode(BASE_PNG).unwrap();
        assert_eq!((plain.width, plain.height), (32, 32));
        let red = tray_icon(Urgency::Expired);
        assert_eq!(at(&red, 0, 0), at(&plain, 0, 0), "top left untouched");
        assert_eq!(at(&red, 16, 16), at(&plain, 16, 16), "centre untouched");
        assert_eq!(at(&red, 24, 24), [0xc6, 0x28, 0x28, 0xff], "dot filled");
        assert_eq!(
            at(&tray_icon(Urgency::Ok), 24, 24),
            [0x2e, 0x7d, 0x32, 0xff]
        );
        assert_eq!(
            at(&tray_icon(Urgency::DueSoon), 24, 24),
            [0xf9, 0xa8, 0x25, 0xff]
        );
    }

    #[test]
    fn status_notifier_pixmaps_are_argb_in_network_order() {
        let icon = Rgba {
            width: 1,
            height: 1,
            pixels: vec![1, 2, 3, 4],
        };
        assert_eq!(to_argb_be(&icon), [4, 1, 2, 3]);
    }
}
