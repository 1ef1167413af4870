//! Pictures (issue 13): renditions and their sizes, the markup of lead and body images, one
//! copy per file, the cache (a warm rebuild decodes nothing), and pictures that cannot be used.

mod common;

use std::path::Path;

use common::{minimal_site, nashra, picture, read, tree, write, write_jpeg};

fn build_ok(root: &Path) -> String {
    let run = nashra(root, &["build"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run.stderr
}

/// A build that does not ask the build cache (these tests are about the image cache).
fn build_fresh(root: &Path) -> String {
    let run = nashra(root, &["build", "--fresh"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run.stderr
}

fn page(root: &Path, rel: &str) -> String {
    read(&root.join("public").join(rel).join("index.html"))
}

/// The output files under `dir` (relative to `public/`) whose name starts with `prefix`.
fn outputs(root: &Path, dir: &str, prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root.join("public").join(dir))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(prefix))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn size_of(path: &Path) -> (usize, usize) {
    let s = imagesize::size(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (s.width, s.height)
}

/// A JPEG whose EXIF says: orientation `orientation`, a copyright and a description (which the
/// renditions must not keep).
fn jpeg_with_exif(w: u32, h: u32, orientation: u16, copyright: &str, secret: &str) -> Vec<u8> {
    let jpeg = picture(w, h, image::ImageFormat::Jpeg);
    let mut strings = Vec::new();
    let entries: Vec<(u16, u16, u32, Vec<u8>)> = vec![
        (0x010E, 2, secret.len() as u32 + 1, {
            let mut b = secret.as_bytes().to_vec();
            b.push(0);
            b
        }),
        (0x0112, 3, 1, orientation.to_be_bytes().to_vec()),
        (0x8298, 2, copyright.len() as u32 + 1, {
            let mut b = copyright.as_bytes().to_vec();
            b.push(0);
            b
        }),
    ];
    let ifd_len = 2 + entries.len() * 12 + 4;
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&(entries.len() as u16).to_be_bytes());
    let mut data_at = 8 + ifd_len;
    for (tag, kind, count, value) in &entries {
        tiff.extend_from_slice(&tag.to_be_bytes());
        tiff.extend_from_slice(&kind.to_be_bytes());
        tiff.extend_from_slice(&count.to_be_bytes());
        if value.len() <= 4 {
            let mut v = value.clone();
            v.resize(4, 0);
            tiff.extend_from_slice(&v);
        } else {
            tiff.extend_from_slice(&(data_at as u32).to_be_bytes());
            strings.extend_from_slice(value);
            data_at += value.len();
        }
    }
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(&strings);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn lead_and_body_pictures_get_renditions_and_responsive_markup() {
    let site = minimal_site();
    let r = site.path();
    write_jpeg(r, "content/2025/11/lead.jpg", 2000, 1200);
    std::fs::write(
        r.join("content/2025/11/hall.png"),
        picture(700, 400, image::ImageFormat::Png),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    write(
        r,
        "content/2025/11/flag.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    write(r, "content/2025/11/report.pdf", "%PDF-1.4");
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: Leaders at a table, credit: Agency, caption: \"The leaders in Bishkek\", focus: \"0.3,0.4\"}\n---\n\nText.\n\n![A hall](hall.png \"The hall, before the meeting\")\n\nAn icon ![flag](flag.svg) inline, [the report](report.pdf), [full size](lead.jpg), a [remote picture](https://example.org/x.jpg) ![remote](https://example.org/x.jpg).\n",
    );
    write(
        r,
        "content/2025/11/summit.ar.md",
        "---\ntitle: قمة\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: القادة}\n---\n\nنص.\n",
    );
    let stderr = build_ok(r);
    assert!(
        stderr.contains("pictures: 2 processed, 0 from the cache"),
        "{stderr}"
    );

    // renditions: every configured width up to the picture's own, WebP and the source's format
    let webp = outputs(r, "2025/11", "lead-");
    let widths = |ext: &str| -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = webp
            .iter()
            .filter(|n| n.ends_with(ext) && !n.contains("social"))
            .map(|n| size_of(&r.join("public/2025/11").join(n)))
            .collect();
        v.sort();
        v
    };
    let expected = vec![(480, 288), (800, 480), (1200, 720), (1600, 960)];
    assert_eq!(widths(".webp"), expected, "{webp:?}");
    // the fallback (no current browser loads it) at one width, the widest up to 1200
    assert_eq!(widths(".jpg"), vec![(1200, 720)], "{webp:?}");
    // a social card crop for each focus asked for: the English one's and the Arabic one's (centre)
    let socials: Vec<&String> = webp.iter().filter(|n| n.contains("social")).collect();
    assert_eq!(socials.len(), 2, "{socials:?}");
    assert!(
        socials[0].starts_with("lead-social-300-400."),
        "{socials:?}"
    );
    assert!(
        socials[1].starts_with("lead-social-500-500."),
        "{socials:?}"
    );
    assert_eq!(
        size_of(&r.join("public/2025/11").join(socials[0])),
        (1200, 630)
    );
    // never upscaled: the 700-pixel PNG is made at 480 and 700 as WebP, and at 700 as PNG
    let mut hall = outputs(r, "2025/11", "hall-");
    hall.sort();
    assert_eq!(hall.len(), 3, "{hall:?}");
    assert!(hall[0].starts_with("hall-480.") && hall[0].ends_with(".webp"));
    assert!(hall[1].starts_with("hall-700.") && hall[1].ends_with(".png"));
    assert!(hall[2].starts_with("hall-700.") && hall[2].ends_with(".webp"));
    // the original (its metadata may say where it was taken) is not published, here or beside
    // the pages; the other files are, once
    assert!(!r.join("public/2025/11/lead.jpg").exists());
    assert!(!r.join("public/en/2025/11/summit/lead.jpg").exists());
    assert!(r.join("public/2025/11/report.pdf").is_file());

    let html = page(r, "en/2025/11/summit");
    let name = |w: u32, ext: &str| -> String {
        let n = webp
            .iter()
            .find(|n| n.starts_with(&format!("lead-{w}.")) && n.ends_with(ext))
            .unwrap_or_else(|| panic!("no lead-{w}{ext} in {webp:?}"));
        format!("/2025/11/{n}")
    };
    let sizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";
    let lead = format!(
        "<picture><source type=\"image/webp\" srcset=\"{} 480w, {} 800w, {} 1200w, {} 1600w\" sizes=\"{sizes}\"><img src=\"{}\" alt=\"Leaders at a table\" width=\"2000\" height=\"1200\" loading=\"eager\" fetchpriority=\"high\" decoding=\"async\"></picture>",
        name(480, ".webp"), name(800, ".webp"), name(1200, ".webp"), name(1600, ".webp"),
        name(1200, ".jpg"),
    );
    assert!(html.contains(&lead), "{lead}\n\n{html}");
    assert!(
        html.contains("<figcaption><span class=\"caption\">The leaders in Bishkek</span> <span class=\"credit\">Photo: <bdi>Agency</bdi></span></figcaption>"),
        "{html}"
    );
    // the body picture: a figure, lazy, with its size and its caption
    let body = html
        .split("<figure class=\"body-image\">")
        .nth(1)
        .and_then(|s| s.split("</figure>").next())
        .unwrap_or_else(|| panic!("no body figure in {html}"));
    assert!(
        body.starts_with("<picture><source type=\"image/webp\" srcset=\"/2025/11/hall-480."),
        "{body}"
    );
    assert!(
        body.ends_with("alt=\"A hall\" width=\"700\" height=\"400\" loading=\"lazy\" decoding=\"async\"></picture><figcaption>The hall, before the meeting</figcaption>"),
        "{body}"
    );
    // files that are not photographs are linked where they are published; addresses elsewhere
    // stay as written
    assert!(
        html.contains(&format!("An icon <img src=\"/2025/11/flag.svg\" alt=\"flag\" loading=\"lazy\" decoding=\"async\"> inline, <a href=\"/2025/11/report.pdf\">the report</a>, <a href=\"{}\">full size</a>, a <a href=\"https://example.org/x.jpg\">remote picture</a> <img src=\"https://example.org/x.jpg\" alt=\"remote\" loading=\"lazy\" decoding=\"async\">", name(1600, ".webp"))),
        "{html}"
    );
    // the Arabic page uses the same files, and its social card the centred crop
    let ar = page(r, "ar/2025/11/summit");
    assert!(
        ar.contains(&format!("<img src=\"{}\"", name(1200, ".jpg"))),
        "{ar}"
    );
    assert!(ar.contains(&format!(
        "<meta property=\"og:image\" content=\"https://news.example.org/2025/11/{}\">",
        socials[1]
    )));
    assert!(html.contains(&format!(
        "<meta property=\"og:image\" content=\"https://news.example.org/2025/11/{}\">\n<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">",
        socials[0]
    )));
    // the feed shows the published rendition, by its absolute address
    let feed = read(&r.join("public/en/feed.xml"));
    assert!(
        feed.contains(&format!(
            "<figure><img src=\"https://news.example.org{}\" alt=\"Leaders at a table\">",
            name(1200, ".jpg")
        )),
        "{feed}"
    );
    // every link of the site resolves
    let run = nashra(r, &["check"]);
    assert!(!run.stderr.contains("broken link"), "{}", run.stderr);
}

#[test]
fn renditions_are_upright_and_keep_only_the_credit() {
    let site = minimal_site();
    let r = site.path();
    // stored 900×600, shown rotated a quarter turn (EXIF orientation 6): 600×900
    std::fs::create_dir_all(r.join("content/2025/11")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        r.join("content/2025/11/lead.jpg"),
        jpeg_with_exif(900, 600, 6, "Reuters / Jane Doe", "GPS 41.3N 69.2E"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: A portrait}\n---\n\nText.\n",
    );
    build_ok(r);
    let names = outputs(r, "2025/11", "lead-");
    let jpeg = names
        .iter()
        .find(|n| n.starts_with("lead-600.") && n.ends_with(".jpg"))
        .unwrap_or_else(|| panic!("no upright 600-wide rendition in {names:?}"));
    let path = r.join("public/2025/11").join(jpeg);
    assert_eq!(size_of(&path), (600, 900));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        contains(&bytes, b"Reuters / Jane Doe"),
        "the credit was dropped"
    );
    assert!(!contains(&bytes, b"GPS 41.3N"), "other metadata was kept");
    let webp = names
        .iter()
        .find(|n| n.starts_with("lead-600.") && n.ends_with(".webp"))
        .unwrap_or_else(|| panic!("no WebP in {names:?}"));
    let bytes =
        std::fs::read(r.join("public/2025/11").join(webp)).unwrap_or_else(|e| panic!("{e}"));
    assert!(contains(&bytes, b"EXIF") && contains(&bytes, b"Reuters / Jane Doe"));
    assert_eq!(size_of(&r.join("public/2025/11").join(webp)), (600, 900));
    let html = page(r, "en/2025/11/summit");
    assert!(html.contains("width=\"600\" height=\"900\""), "{html}");
}

#[test]
fn a_warm_rebuild_decodes_nothing_and_a_changed_picture_alone_is_made_again() {
    let site = minimal_site();
    let r = site.path();
    write_jpeg(r, "content/2025/11/lead.jpg", 1000, 600);
    write_jpeg(r, "content/2025/11/other.jpg", 800, 500);
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: Leaders}\n---\n\n![other](other.jpg)\n",
    );
    let first = build_ok(r);
    assert!(
        first.contains("pictures: 2 processed, 0 from the cache"),
        "{first}"
    );
    let before = tree(&r.join("public"));
    assert!(r.join(".nashra-cache/images/index").is_file());

    let warm = build_fresh(r);
    assert!(
        warm.contains("pictures: 0 processed, 2 from the cache"),
        "{warm}"
    );
    assert_eq!(
        tree(&r.join("public")),
        before,
        "a warm rebuild changed the output"
    );

    // touched but unchanged: its hash is the same, nothing is decoded
    let bytes = std::fs::read(r.join("content/2025/11/lead.jpg")).unwrap_or_else(|e| panic!("{e}"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(r.join("content/2025/11/lead.jpg"), &bytes).unwrap_or_else(|e| panic!("{e}"));
    let touched = build_fresh(r);
    assert!(
        touched.contains("pictures: 0 processed, 2 from the cache"),
        "{touched}"
    );

    // a new photo under the same name: only it is made again, under new names
    write_jpeg(r, "content/2025/11/lead.jpg", 1200, 800);
    let changed = build_ok(r);
    assert!(
        changed.contains("pictures: 1 processed, 1 from the cache"),
        "{changed}"
    );
    let after = tree(&r.join("public"));
    // (800 px as WebP; the JPEG fallback is made at one width, the widest up to 1200: 1000)
    let old_names: Vec<_> = before
        .keys()
        .filter(|p| {
            let p = p.to_string_lossy();
            p.contains("lead-800.") || p.contains("lead-1000.")
        })
        .collect();
    assert_eq!(old_names.len(), 3, "{old_names:?}");
    for old in old_names {
        assert!(
            !after.contains_key(old),
            "{} is still published",
            old.display()
        );
    }
    // its old cache entry is gone; one entry per picture remains
    let entries = std::fs::read_dir(r.join(".nashra-cache/images"))
        .map(|d| d.flatten().filter(|e| e.path().is_dir()).count())
        .unwrap_or(0);
    assert_eq!(entries, 2);

    // a setting that changes the result makes everything again
    let toml = read(&r.join("site.toml"));
    write(r, "site.toml", &format!("{toml}\n[images]\nquality = 70\n"));
    let requality = build_ok(r);
    assert!(
        requality.contains("pictures: 2 processed, 0 from the cache"),
        "{requality}"
    );
}

#[test]
fn watch_makes_only_a_changed_picture_again() {
    let site = minimal_site();
    let root = site.path().to_path_buf();
    write_jpeg(&root, "content/2025/11/lead.jpg", 1000, 600);
    write_jpeg(&root, "content/2025/11/other.jpg", 800, 500);
    write(
        &root,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: Leaders}\n---\n\n![other](other.jpg)\n",
    );
    let opts = nashra::build::BuildOptions {
        root: root.clone(),
        ..Default::default()
    };
    let diags = nashra::diagnostics::Diagnostics::new();
    let mut session = nashra::serve::session::Session::start(opts, &diags)
        .unwrap_or_else(|_| panic!("{:?}", diags.snapshot()));
    let out = session.output().to_path_buf();
    let decoded = nashra::media::decoded_total();
    write_jpeg(&root, "content/2025/11/other.jpg", 640, 400);
    let rebuilt = session.apply(&[root.join("content/2025/11/other.jpg")], &diags);
    assert!(rebuilt.is_ok(), "{:?}", diags.snapshot());
    assert_eq!(
        nashra::media::decoded_total() - decoded,
        1,
        "pictures decoded"
    );
    let html = read(&out.join("en/2025/11/summit/index.html"));
    assert!(
        html.contains("alt=\"other\" width=\"640\" height=\"400\""),
        "{html}"
    );
    // a text edit that moves the lead image's focus: its crop is made, nothing else decoded
    let decoded = nashra::media::decoded_total();
    write(
        &root,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: Leaders, focus: \"0.2,0.5\"}\n---\n\n![other](other.jpg)\n",
    );
    let rebuilt = session.apply(&[root.join("content/2025/11/summit.en.md")], &diags);
    assert!(rebuilt.is_ok(), "{:?}", diags.snapshot());
    assert_eq!(
        nashra::media::decoded_total() - decoded,
        1,
        "pictures decoded"
    );
    let html = read(&out.join("en/2025/11/summit/index.html"));
    assert!(html.contains("/2025/11/lead-social-200-500."), "{html}");
}

/// The CRC-32 of PNG chunks.
fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A PNG that claims `w`×`h` pixels and holds none.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    png
}

#[test]
fn pictures_that_cannot_be_used_are_errors_at_the_article_and_the_output_survives() {
    let site = minimal_site();
    let r = site.path();
    write_jpeg(r, "content/2025/11/lead.jpg", 800, 500);
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: Leaders}\n---\n\nText.\n\nMore text.\n\n![Map](map.png)\n",
    );
    std::fs::write(
        r.join("content/2025/11/map.png"),
        picture(300, 200, image::ImageFormat::Png),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    build_ok(r);
    let before = tree(&r.join("public"));

    // cut short, as an interrupted upload leaves it
    let full = std::fs::read(r.join("content/2025/11/lead.jpg")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(r.join("content/2025/11/lead.jpg"), &full[..full.len() / 2])
        .unwrap_or_else(|e| panic!("{e}"));
    // claims 20000×20000 pixels: refused before anything is decoded
    std::fs::write(r.join("content/2025/11/map.png"), png_header(20000, 20000))
        .unwrap_or_else(|e| panic!("{e}"));
    // not a picture at all, used by nobody
    write(r, "content/2025/11/notes.webp", "not a picture");
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "error: image content/2025/11/lead.jpg: the JPEG file is cut short (it has no end marker): copy it again\n  --> content/2025/11/summit.en.md:4:8",
        "error: image content/2025/11/map.png: the picture is 20000×20000 pixels (400 megapixels), more than the 50 allowed\n  --> content/2025/11/summit.en.md:11:1",
        "error: image content/2025/11/notes.webp: the file cannot be read as a picture",
        "  --> content/2025/11/notes.webp\n",
    ] {
        assert!(run.stderr.contains(expected), "missing {expected:?} in:\n{}", run.stderr);
    }
    assert!(
        run.stderr
            .contains("the previous output was left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&r.join("public")), before, "the old output changed");
}

#[test]
fn image_settings_are_checked_and_processing_can_be_turned_off() {
    let site = minimal_site();
    let r = site.path();
    let toml = read(&r.join("site.toml"));
    write(
        r,
        "site.toml",
        &format!("{toml}\n[images]\nformats = [\"avif\"]\nwidths = [0, 800]\n"),
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1);
    let lines = toml.lines().count();
    assert!(
        run.stderr.contains(&format!(
            "error: unknown image format `avif`\n  --> site.toml:{}:12",
            lines + 3
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error: image width 0 is out of range"),
        "{}",
        run.stderr
    );

    write(
        r,
        "site.toml",
        &format!("{toml}\n[images]\nprocess = false\n"),
    );
    write_jpeg(r, "content/2025/11/lead.jpg", 900, 500);
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nimage: {src: lead.jpg, alt: Leaders}\n---\n\nText.\n",
    );
    let stderr = build_ok(r);
    assert!(!stderr.contains("pictures:"), "{stderr}");
    let html = page(r, "en/2025/11/summit");
    assert!(
        html.contains("<img src=\"/2025/11/lead.jpg\" alt=\"Leaders\" width=\"900\" height=\"500\" loading=\"eager\""),
        "{html}"
    );
    assert_eq!(outputs(r, "2025/11", "lead"), ["lead.jpg"]);
    assert!(!r.join(".nashra-cache/images").exists());
}

/// `w`×`h` pixels of stripes as a PNG (compresses well, so a tall one is a small file).
fn striped_png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(y / 64 % 2 * 200) as u8, (x / 64 % 2 * 200) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .unwrap_or_else(|e| panic!("{e}"));
    out.into_inner()
}

/// Issue 29.2: a picture whose WebP rendition would be over 16,383 px on a side panicked the
/// encoder (exit 101, no file, `watch` died). A 1080×20000 infographic gets renditions narrow
/// enough for WebP; one too tall for even a 1-pixel-wide rendition is an error at its article.
#[test]
fn tall_and_wide_pictures_get_renditions_within_each_formats_limits() {
    let site = minimal_site();
    let r = site.path();
    std::fs::create_dir_all(r.join("content/2025/11")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(r.join("content/2025/11/tall.png"), striped_png(1080, 20000))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(r.join("content/2025/11/wide.png"), striped_png(20000, 300))
        .unwrap_or_else(|e| panic!("{e}"));
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\nText.\n\n![Infographic](tall.png)\n\n![Panorama](wide.png)\n",
    );
    build_ok(r);
    let tall = outputs(r, "2025/11", "tall-");
    assert!(!tall.is_empty());
    for name in &tall {
        let (w, h) = size_of(&r.join("public/2025/11").join(name));
        let max = if name.ends_with(".webp") {
            16_383
        } else {
            65_535
        };
        assert!(w <= max && h <= max, "{name} is {w}×{h}");
    }
    // the widest WebP: 16,383 / 20,000 of 1080 px
    assert!(
        tall.iter()
            .any(|n| n.starts_with("tall-884.") && n.ends_with(".webp")),
        "{tall:?}"
    );
    assert!(
        !tall.iter().any(|n| n.starts_with("tall-1080.")),
        "{tall:?}"
    );
    let html = page(r, "en/2025/11/summit");
    assert!(html.contains("tall-884."), "{html}");
    let wide = outputs(r, "2025/11", "wide-");
    assert!(
        wide.iter()
            .any(|n| n.starts_with("wide-1600.") && n.ends_with(".webp")),
        "{wide:?}"
    );

    let before = tree(&r.join("public"));
    std::fs::write(r.join("content/2025/11/tall.png"), striped_png(1, 20000))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = "error: image content/2025/11/tall.png: the picture is 1×20000 pixels: too tall for any rendition at least one pixel wide (WebP allows 16383 pixels a side)\n  --> content/2025/11/summit.en.md:8:1";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(tree(&r.join("public")), before, "the old output changed");
}

/// A PNG of `w`×`h` grey pixels whose colour profile (`iCCP`) inflates to `profile_mib` MiB.
fn png_with_profile(w: u32, h: u32, profile_mib: usize) -> Vec<u8> {
    use std::io::Write;
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        c.extend_from_slice(&body);
        c.extend_from_slice(&crc32(&body).to_be_bytes());
        c
    };
    let mut png = png_header(w, h);
    let mut profile = b"bomb\0\0".to_vec();
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let mib = vec![0u8; 1 << 20];
    for _ in 0..profile_mib {
        z.write_all(&mib).unwrap_or_else(|e| panic!("{e}"));
    }
    profile.extend(z.finish().unwrap_or_else(|e| panic!("{e}")));
    png.extend(chunk(b"iCCP", &profile));
    let mut raw = Vec::new();
    for _ in 0..h {
        raw.push(0);
        raw.extend(std::iter::repeat_n(0x80u8, w as usize * 3));
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap_or_else(|e| panic!("{e}"));
    png.extend(chunk(
        b"IDAT",
        &z.finish().unwrap_or_else(|e| panic!("{e}")),
    ));
    png.extend(chunk(b"IEND", b""));
    png
}

/// Issue 29.5: a 1 MB, 64×64 PNG with a 1 GiB colour profile peaked at 1.2 GiB, and a
/// 40,000,000×1 PNG took 45 s and 2.4 GiB. The first is built within 800 MB of address space
/// (it aborted there before), the second refused from its header.
#[cfg(unix)]
#[test]
fn picture_memory_is_bounded_by_its_pixels() {
    let site = minimal_site();
    let r = site.path();
    std::fs::create_dir_all(r.join("content/2025/11")).unwrap_or_else(|e| panic!("{e}"));
    let bomb = png_with_profile(64, 64, 1024);
    assert!(bomb.len() < 2 << 20, "{}", bomb.len());
    std::fs::write(r.join("content/2025/11/map.png"), &bomb).unwrap_or_else(|e| panic!("{e}"));
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\n![Map](map.png)\n",
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 800000 && exec '{}' build",
            env!("CARGO_BIN_EXE_nashra")
        ))
        .current_dir(r)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(outputs(r, "2025/11", "map-64.").len(), 2);

    std::fs::write(r.join("content/2025/11/map.png"), png_header(40_000_000, 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: image content/2025/11/map.png: the picture is 40000000×1 pixels; a side longer than 65535 pixels is not supported\n  --> content/2025/11/summit.en.md:6:1"),
        "{}",
        run.stderr
    );
}

/// Issue 29.8: a cache that cannot be written (a full disk under it) gave one error per article
/// with the help for a broken picture, and left empty `.tmp` files; now one error names the cache.
#[test]
fn an_image_cache_that_cannot_be_written_is_one_error() {
    let site = minimal_site();
    let r = site.path();
    write_jpeg(r, "content/2025/11/a.jpg", 320, 200);
    write_jpeg(r, "content/2025/11/b.jpg", 330, 200);
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\n![A](a.jpg)\n\n![B](b.jpg)\n",
    );
    build_ok(r);
    let before = tree(&r.join("public"));
    // the cache's folder is a file now: every write into it fails
    std::fs::remove_dir_all(r.join(".nashra-cache")).unwrap_or_else(|e| panic!("{e}"));
    write(r, ".nashra-cache/images", "not a folder");
    write_jpeg(r, "content/2025/11/a.jpg", 321, 200);
    write_jpeg(r, "content/2025/11/b.jpg", 331, 200);
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: cannot write to the image cache")
            && run.stderr.contains("(and 1 more pictures)\n  --> .nashra-cache\n  = help: the image cache could not be written (is its disk full?)"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&r.join("public")), before, "the old output changed");
}

/// Issue 30.14: pictures were decoded by their extension: a JPEG named `.png` stopped the build
/// and a PNG named `.jpg` got "the file is cut short". They are read as what they are, with a
/// warning naming the right extension.
#[test]
fn pictures_are_read_as_what_they_are_whatever_their_name() {
    let site = minimal_site();
    let r = site.path();
    std::fs::create_dir_all(r.join("content/2025/11")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        r.join("content/2025/11/map.png"),
        picture(320, 200, image::ImageFormat::Jpeg),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        r.join("content/2025/11/chart.jpg"),
        picture(300, 200, image::ImageFormat::Png),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\n![Map](map.png)\n\n![Chart](chart.jpg)\n",
    );
    let stderr = build_ok(r);
    assert!(
        stderr.contains("warning: this file is a JPG picture, but its name ends in .png\n  --> content/2025/11/map.png\n  = help: rename it to end in .jpg"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: this file is a PNG picture, but its name ends in .jpg\n  --> content/2025/11/chart.jpg"),
        "{stderr}"
    );
    assert!(outputs(r, "2025/11", "map-320.")
        .iter()
        .any(|n| n.ends_with(".webp")));
    assert!(outputs(r, "2025/11", "chart-300.")
        .iter()
        .any(|n| n.ends_with(".webp")));
    let html = page(r, "en/2025/11/summit");
    assert!(html.contains("map-320."), "{html}");
}
