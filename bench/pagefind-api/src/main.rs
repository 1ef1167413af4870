// Indexes the articles of a nashra bench corpus through Pagefind's Rust API
// (add_custom_record), the way nashra would use it as a library; prints time and file count.
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use std::collections::BTreeMap;

#[tokio::main]
async fn main() {
    let root = std::env::args().nth(1).expect("corpus folder");
    let start = std::time::Instant::now();
    let options = PagefindServiceConfig::builder().keep_index_url(true).build();
    let mut index = PagefindIndex::new(Some(options)).expect("options");
    let mut n = 0;
    for e in walkdir::WalkDir::new(format!("{root}/content")).sort_by_file_name() {
        let e = e.expect("walk");
        let p = e.path();
        let Some(name) = p.file_name().and_then(|n| n.to_str()) else { continue };
        let lang = if name.ends_with(".ar.md") { "ar" } else if name.ends_with(".en.md") { "en" } else { continue };
        let text = std::fs::read_to_string(p).expect("read");
        let mut parts = text.splitn(3, "---\n");
        parts.next();
        let fm = parts.next().unwrap_or("");
        let body = parts.next().unwrap_or("");
        let title = fm.lines().find_map(|l| l.strip_prefix("title: ")).unwrap_or("").trim_matches('"').to_string();
        let topics: Vec<String> = fm.lines().find_map(|l| l.strip_prefix("topics: [")).map(|t| t.trim_end_matches(']').split(", ").map(str::to_string).collect()).unwrap_or_default();
        let url = format!("/{lang}/{}", p.strip_prefix(&root).unwrap().display());
        let mut meta = BTreeMap::new();
        meta.insert("title".to_string(), title.clone());
        let mut filters = BTreeMap::new();
        filters.insert("topic".to_string(), topics);
        index
            .add_custom_record(url, format!("{title}\n{body}"), lang.to_string(), Some(meta), Some(filters), None)
            .await
            .expect("record");
        n += 1;
    }
    let added = start.elapsed();
    let files = index.get_files().await.expect("files");
    let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
    println!("records {n} added in {added:?}; {} files, {bytes} bytes, total {:?}", files.len(), start.elapsed());
}
