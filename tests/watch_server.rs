//! The preview server under load and misuse (issue 15): slow and idle connections are closed,
//! connections are capped without refusing later visitors, 500 open pages all get the reload,
//! `Range` requests, folder redirects that keep their query, and a changed `output_dir` or base
//! path followed without a restart.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::watch::{get, request, start, start_with, Events};
use common::{minimal_site, read, write};

/// Whether the server closes `s` within `within` (reads end or fail with a reset).
fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    s.set_read_timeout(Some(Duration::from_millis(100))).ok();
    let deadline = Instant::now() + within;
    let mut buf = [0u8; 1024];
    while Instant::now() < deadline {
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return true,
        }
    }
    false
}

#[test]
fn slow_and_idle_connections_are_closed_and_capped_without_locking_visitors_out() {
    let site = minimal_site();
    // head within 500 ms, silence up to 1.5 s, 8 connections at a time
    let w = start_with(site.path(), &[], &[("NASHRA_SERVE_LIMITS", "500 1500 8")]);
    // an open page's event stream outlives the idle limit: it is written to every 375 ms
    let mut page = Events::open(&w.addr);
    // slowloris: heads that never end; and connections that never say anything
    let mut slow: Vec<TcpStream> = (0..10)
        .map(|_| {
            let mut s = TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}"));
            let _ = s.write_all(b"GET /ar/ HTTP/1.1\r\nHost: x\r\nX-a: ");
            s
        })
        .collect();
    let mut idle: Vec<TcpStream> = (0..10)
        .map(|_| TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    // with 20 stuck connections over a cap of 8, a visitor still gets the page
    let started = Instant::now();
    let r = get(&w.addr, "/ar/");
    assert_eq!(r.status, 200, "{}", r.headers);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    for s in slow.iter_mut().chain(idle.iter_mut()) {
        assert!(
            closed_within(s, Duration::from_secs(5)),
            "a stuck connection stayed open"
        );
    }
    // a kept-alive connection that goes quiet after its answer is closed too
    let mut kept = TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}"));
    let _ = write!(kept, "GET /ar/ HTTP/1.1\r\nHost: {}\r\n\r\n", w.addr);
    assert!(closed_within(&mut kept, Duration::from_secs(5)));
    // the page that stayed open still hears about a save
    std::thread::sleep(Duration::from_millis(1600));
    write(
        site.path(),
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "نص بعد الانتظار."),
    );
    page.wait_for("event: reload");
}

/// The measured 500-client reload (BENCHMARKS.md) as a test: every open page is told.
#[test]
fn five_hundred_open_pages_all_get_the_reload() {
    let site = minimal_site();
    let w = start(site.path(), &[]);
    let mut pages: Vec<Events> = (0..500).map(|_| Events::open(&w.addr)).collect();
    write(
        site.path(),
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "نص جديد."),
    );
    let t0 = Instant::now();
    for p in &mut pages {
        p.wait_for("event: reload");
    }
    assert!(t0.elapsed() < Duration::from_secs(20), "{:?}", t0.elapsed());
}

#[test]
fn ranges_and_redirects_that_keep_the_query() {
    let site = minimal_site();
    let w = start(site.path(), &[]);
    let whole = read(&site.path().join("public/favicon.svg"));
    let mut s = TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}"));
    write!(
        s,
        "GET /favicon.svg HTTP/1.1\r\nHost: {}\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n",
        w.addr
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut reply = String::new();
    let _ = s.read_to_string(&mut reply);
    let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let head = head.to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 206"), "{head}");
    assert!(
        head.contains(&format!("content-range: bytes 0-9/{}", whole.len())),
        "{head}"
    );
    assert_eq!(body, &whole[..10]);
    // past the end: 416 with the length
    let mut s = TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}"));
    write!(
        s,
        "GET /favicon.svg HTTP/1.1\r\nHost: {}\r\nRange: bytes=999999-\r\nConnection: close\r\n\r\n",
        w.addr
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut reply = String::new();
    let _ = s.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 416"), "{reply}");
    // /ar/search?q=… → /ar/search/?q=… (a search link without its slash still searches)
    let r = request(&w.addr, "GET", "/ar/search?q=%D9%82%D9%85%D8%A9", &w.addr);
    assert_eq!(r.status, 301, "{}", r.headers);
    assert!(
        r.headers
            .contains("location: /ar/search/?q=%d9%82%d9%85%d8%a9"),
        "{}",
        r.headers
    );
}

#[test]
fn a_changed_output_folder_and_base_path_are_served_at_once() {
    let site = minimal_site();
    let root = site.path();
    let w = start(root, &[]);
    assert_eq!(get(&w.addr, "/ar/").status, 200);
    let toml = read(&root.join("site.toml"));
    write(
        root,
        "site.toml",
        &format!(
            "output_dir = \"site-out\"\n{}",
            toml.replace(
                "https://news.example.org/",
                "https://news.example.org/news/"
            )
        ),
    );
    w.log_until("now serving");
    assert!(root.join("site-out/ar/index.html").is_file());
    let r = get(&w.addr, "/news/ar/");
    assert_eq!(r.status, 200, "{}", r.headers);
    assert!(r.body.contains("href=\"/news/ar/"), "{}", r.body);
    let r = get(&w.addr, "/");
    assert_eq!(r.status, 302, "{}", r.headers);
    assert!(r.headers.contains("location: /news/"), "{}", r.headers);
}

/// Issue 29.8: open pages' event streams once filled the connection cap and `watch` stopped
/// answering; streams now have a cap of their own below it (4 of 8 here), later pages get 503,
/// and ordinary requests are still answered.
#[test]
fn open_pages_cannot_take_every_connection() {
    let site = minimal_site();
    let w = start_with(
        site.path(),
        &[],
        &[("NASHRA_SERVE_LIMITS", "10000 60000 8")],
    );
    let mut open = Vec::new();
    let mut refused = 0;
    for _ in 0..8 {
        let mut s = TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}"));
        s.set_read_timeout(Some(Duration::from_secs(5))).ok();
        write!(
            s,
            "GET /__nashra/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            w.addr
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && s.read(&mut byte).is_ok_and(|n| n == 1) {
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        if head.starts_with("HTTP/1.1 200") {
            open.push(s);
        } else {
            assert!(head.starts_with("HTTP/1.1 503"), "{head}");
            refused += 1;
        }
    }
    assert_eq!((open.len(), refused), (4, 4));
    let page = get(&w.addr, "/ar/");
    assert_eq!(page.status, 200, "{}", page.headers);
    // a closed page gives its slot back
    drop(open.pop());
    std::thread::sleep(Duration::from_millis(300));
    let mut again = Events::open(&w.addr);
    write(
        site.path(),
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "نص جديد."),
    );
    again.wait_for("event: reload");
}
