//! Article counts on the topics index use the right Arabic plural form, and edge cases a newsroom
//! hits build cleanly: a topic with no articles, an article with no topics or countries.

mod common;

use common::{nashra, read, write};

#[test]
fn counts_0_1_2_3_11_103_read_naturally() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    let topics = [
        ("zero", 0),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("eleven", 11),
        ("many", 103),
    ];
    let keys: Vec<String> = topics.iter().map(|(k, _)| format!("\"{k}\"")).collect();
    write(
        root,
        "site.toml",
        &format!("base_url = \"https://x.example/\"\ndefault_language = \"ar\"\npaginate_by = 50\ntopics = [{}]\n[languages.ar]\ntitle = \"ن\"\ndigits = \"arab\"\n", keys.join(", ")),
    );
    let names: String = topics
        .iter()
        .map(|(k, _)| format!("topic-{k} = موضوع {k}\n"))
        .collect();
    write(root, "locales/ar/topics.ftl", &names);
    for i in 0..103 {
        let tags: Vec<&str> = topics
            .iter()
            .filter(|(_, n)| i < *n)
            .map(|(k, _)| *k)
            .collect();
        write(
            root,
            &format!("content/a{i:03}.md"),
            &format!(
                "---\ntitle: مقال {i}\ndate: 2025-11-{:02} 10:{:02}\ntopics: [{}]\n---\nنص.\n",
                1 + i % 28,
                i % 60,
                tags.join(", ")
            ),
        );
    }
    write(
        root,
        "content/bare.md",
        "---\ntitle: بلا مواضيع\ndate: 2025-11-29\n---\nنص.\n",
    );
    let run = nashra(root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = read(&root.join("public/ar/topics/index.html"));
    let expect = [
        ("<span class=\"term-empty\">موضوع zero</span> <span class=\"term-count\">لا توجد مقالات</span>"),
        ("<a href=\"/ar/topics/one/\">موضوع one</a> <span class=\"term-count\">مقال واحد</span>"),
        ("<a href=\"/ar/topics/two/\">موضوع two</a> <span class=\"term-count\">مقالان</span>"),
        ("<a href=\"/ar/topics/three/\">موضوع three</a> <span class=\"term-count\">٣ مقالات</span>"),
        ("<a href=\"/ar/topics/eleven/\">موضوع eleven</a> <span class=\"term-count\">١١ مقالًا</span>"),
        ("<a href=\"/ar/topics/many/\">موضوع many</a> <span class=\"term-count\">١٠٣ مقالات</span>"),
    ];
    for e in expect {
        assert!(html.contains(e), "missing {e}\n{html}");
    }
    // a topic without articles has no page and no feed, and nothing links to one
    assert!(!root.join("public/ar/topics/zero").exists());
    // 103 articles at 50 a page: three pages
    assert!(root
        .join("public/ar/topics/many/page/3/index.html")
        .is_file());
    assert!(!root.join("public/ar/topics/many/page/4").exists());
    // the article without topics or countries is on the front page and has its own page
    assert!(read(&root.join("public/ar/index.html")).contains("بلا مواضيع"));
    assert!(root.join("public/ar/2025/11/bare/index.html").is_file());
    // a single-language site has no English pages at all
    assert!(!root.join("public/en").exists());
}
