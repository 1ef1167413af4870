//! Every stem the index has met, numbered once per process: an article's [`super::Record`]
//! keeps the numbers of its stems (4 bytes each) instead of the stems' text, and the index
//! groups postings by number. The table only grows (a long `watch` session adds the stems of new
//! words); numbers are never written out, so the index's files do not depend on them.

use std::sync::{Arc, LazyLock, RwLock};

use rustc_hash::FxHashMap;

#[derive(Default)]
struct Table {
    ids: FxHashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

static TABLE: LazyLock<RwLock<Table>> = LazyLock::new(Default::default);

/// The number of `stem`, given it the first time.
pub fn id(stem: &str) -> u32 {
    if let Ok(t) = TABLE.read() {
        if let Some(&id) = t.ids.get(stem) {
            return id;
        }
    }
    let mut t = match TABLE.write() {
        Ok(t) => t,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(&id) = t.ids.get(stem) {
        return id;
    }
    let id = t.names.len() as u32;
    let name: Arc<str> = Arc::from(stem);
    t.names.push(Arc::clone(&name));
    t.ids.insert(name, id);
    id
}

/// Calls `f` with every stem by number (`names[id]`), the table locked for reading meanwhile.
pub fn with_names<R>(f: impl FnOnce(&[Arc<str>]) -> R) -> R {
    match TABLE.read() {
        Ok(t) => f(&t.names),
        Err(poisoned) => f(&poisoned.into_inner().names),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stem_keeps_its_number() {
        let a = super::id("stems-test-alpha");
        let b = super::id("stems-test-beta");
        assert_ne!(a, b);
        assert_eq!(super::id("stems-test-alpha"), a);
        super::with_names(|names| {
            assert_eq!(&*names[a as usize], "stems-test-alpha");
            assert_eq!(&*names[b as usize], "stems-test-beta");
        });
    }
}
