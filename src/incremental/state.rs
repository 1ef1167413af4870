//! The build state file, `.nashra-cache/build/KEY.state`: a binary record of one output's last
//! build, ending in an xxh3-128 checksum of everything before it, so a truncated, damaged or
//! foreign file is recognised and ignored (a full build follows), never half-read. It is written
//! to a new temporary file and renamed into place, so a run killed while writing leaves the old
//! state or the new one; neither is ever opened through a symbolic link.

use std::path::{Path, PathBuf};

use super::inputs::{Entry, Kind};
use super::jobs::{BodyRecord, Call, JobRecord};

const MAGIC: &[u8] = b"nashra-build-state\n";
/// Bumped whenever the layout or the meaning of a field changes.
const FORMAT: u32 = 5;
/// No state is larger than this; a bigger file is not read.
const MAX_BYTES: u64 = 4 << 30;

/// What one build of one output left for the next.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// nashra's identity and the options of the build ([`super::settings_key`]).
    pub key: u128,
    /// The hash of the output's `.nashra` manifest as that build wrote it.
    pub marker: u128,
    /// The build times (nanoseconds since 1970) for which the site is the same: `lo ≤ now < hi`.
    pub lo: i128,
    pub hi: i128,
    /// The report and the problems of that build, as JSON, to show again.
    pub report: Vec<u8>,
    pub inputs: Vec<Entry>,
    /// nashra's files in the output as that build left them (paths relative to the output), so
    /// that an output changed since (a file edited, removed, or a folder replaced by a link) is
    /// noticed without reading it.
    pub outputs: Vec<Output>,
    /// What a build that renders only what changed reads: jobs, bodies and search records.
    pub tail: Tail,
}

/// The part of a state only a build that reuses pages reads: kept as read ([`Tail::Raw`]) and
/// decoded only then ([`Tail::into_parts`]), so that a build that finds nothing changed does
/// not decode it.
#[derive(Debug, Clone, PartialEq)]
pub enum Tail {
    Raw(Vec<u8>),
    Parts(Parts),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parts {
    /// Each render job's key, digest and files ([`super::jobs`]), sorted by key.
    pub jobs: Vec<JobRecord>,
    /// What each article body asked the site while it was rendered ([`super::jobs::Call`]).
    pub bodies: Vec<BodyRecord>,
    /// Articles' search records (`search::store`), read only by a build that makes an index.
    pub records: Vec<u8>,
}

impl Tail {
    /// The jobs, bodies and records; `Err` says why the bytes read are not them.
    pub fn into_parts(self) -> Result<Parts, &'static str> {
        match self {
            Tail::Parts(p) => Ok(p),
            Tail::Raw(bytes) => decode_parts(&bytes),
        }
    }
}

/// One output file as a build left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub len: u64,
    pub mtime: i64,
    pub ctime: i64,
    pub ino: u64,
}

impl State {
    /// The state's bytes, checksum last.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::new();
        let _ = self.encode_with(&mut |b| {
            v.extend_from_slice(b);
            Ok(())
        });
        let sum = xxhash_rust::xxh3::xxh3_128(&v);
        v.extend_from_slice(&sum.to_le_bytes());
        v
    }

    /// Writes [`State::encode`]'s bytes to `w` as they are made (a state is tens of megabytes
    /// for a big site; it is never whole in memory).
    pub fn write_to(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        self.encode_with(&mut |b| {
            h.update(b);
            w.write_all(b)
        })?;
        w.write_all(&h.digest128().to_le_bytes())
    }

    /// Gives the bytes before the checksum to `sink`, a part at a time.
    fn encode_with(
        &self,
        sink: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        const PART: usize = 1 << 20;
        let put = |out: &mut Vec<u8>, b: &[u8]| {
            out.extend_from_slice(&(b.len() as u64).to_le_bytes());
            out.extend_from_slice(b);
        };
        let mut spill = |out: &mut Vec<u8>, at_least: usize| -> std::io::Result<()> {
            if out.len() >= at_least {
                sink(out)?;
                out.clear();
            }
            Ok(())
        };
        let mut out = Vec::with_capacity(PART + 4096);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&self.key.to_le_bytes());
        out.extend_from_slice(&self.marker.to_le_bytes());
        out.extend_from_slice(&self.lo.to_le_bytes());
        out.extend_from_slice(&self.hi.to_le_bytes());
        out.extend_from_slice(&(self.report.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.report);
        out.extend_from_slice(&(self.inputs.len() as u64).to_le_bytes());
        for e in &self.inputs {
            put(&mut out, &e.path);
            out.push(e.kind as u8);
            out.push(u8::from(e.racy));
            out.extend_from_slice(&e.len.to_le_bytes());
            out.extend_from_slice(&e.mtime.to_le_bytes());
            out.extend_from_slice(&e.ctime.to_le_bytes());
            out.extend_from_slice(&e.ino.to_le_bytes());
            match e.hash {
                Some(h) => {
                    out.push(1);
                    out.extend_from_slice(&h.to_le_bytes());
                }
                None => out.push(0),
            }
            spill(&mut out, PART)?;
        }
        out.extend_from_slice(&(self.outputs.len() as u64).to_le_bytes());
        for o in &self.outputs {
            put(&mut out, o.path.as_bytes());
            out.extend_from_slice(&o.len.to_le_bytes());
            out.extend_from_slice(&o.mtime.to_le_bytes());
            out.extend_from_slice(&o.ctime.to_le_bytes());
            out.extend_from_slice(&o.ino.to_le_bytes());
            spill(&mut out, PART)?;
        }
        let p = match &self.tail {
            Tail::Raw(bytes) => {
                spill(&mut out, 0)?;
                return sink(bytes);
            }
            Tail::Parts(p) => p,
        };
        out.extend_from_slice(&(p.jobs.len() as u64).to_le_bytes());
        for j in &p.jobs {
            put(&mut out, j.key.as_bytes());
            out.extend_from_slice(&j.digest.to_le_bytes());
            out.extend_from_slice(&(j.files.len() as u64).to_le_bytes());
            for f in &j.files {
                put(&mut out, f.as_bytes());
            }
            spill(&mut out, PART)?;
        }
        out.extend_from_slice(&(p.bodies.len() as u64).to_le_bytes());
        for b in &p.bodies {
            put(&mut out, b.path.as_bytes());
            out.extend_from_slice(&b.body_hash.to_le_bytes());
            out.extend_from_slice(&(b.calls.len() as u64).to_le_bytes());
            for c in &b.calls {
                out.push(u8::from(c.image));
                put(&mut out, c.dest.as_bytes());
                put(&mut out, c.alt.as_bytes());
                put(&mut out, c.title.as_bytes());
            }
            spill(&mut out, PART)?;
        }
        out.extend_from_slice(&(p.records.len() as u64).to_le_bytes());
        spill(&mut out, 0)?;
        sink(&p.records)
    }

    /// `Err` says why the bytes are not a state this nashra wrote.
    pub fn decode(bytes: &[u8]) -> Result<State, &'static str> {
        if bytes.len() < MAGIC.len() + 16 || !bytes.starts_with(MAGIC) {
            return Err("it was not written by nashra");
        }
        let (body, sum) = bytes.split_at(bytes.len() - 16);
        let sum = u128::from_le_bytes(sum.try_into().map_err(|_| "it is truncated")?);
        if xxhash_rust::xxh3::xxh3_128(body) != sum {
            return Err("it is damaged or truncated (its checksum does not match)");
        }
        let mut r = Reader(&body[MAGIC.len()..]);
        let bad = "it is damaged (a field is out of range)";
        if r.u32().ok_or(bad)? != FORMAT {
            return Err("it was written by another version of nashra");
        }
        let key = r.u128().ok_or(bad)?;
        let marker = r.u128().ok_or(bad)?;
        let lo = r.u128().ok_or(bad)? as i128;
        let hi = r.u128().ok_or(bad)? as i128;
        let n = r.u64().ok_or(bad)?;
        let report = r.take(n).ok_or(bad)?.to_vec();
        let count = r.u64().ok_or(bad)?;
        let mut inputs = Vec::new();
        for _ in 0..count {
            let n = r.u64().ok_or(bad)?;
            let path = r.take(n).ok_or(bad)?.to_vec();
            let kind = Kind::from_u8(r.u8().ok_or(bad)?).ok_or(bad)?;
            let racy = r.u8().ok_or(bad)? != 0;
            let len = r.u64().ok_or(bad)?;
            let mtime = r.u64().ok_or(bad)? as i64;
            let ctime = r.u64().ok_or(bad)? as i64;
            let ino = r.u64().ok_or(bad)?;
            let hash = match r.u8().ok_or(bad)? {
                0 => None,
                1 => Some(r.u128().ok_or(bad)?),
                _ => return Err(bad),
            };
            // where the file is matters only for entries walked now, which are hashed
            let full = PathBuf::new();
            inputs.push(Entry {
                path,
                kind,
                len,
                mtime,
                ctime,
                ino,
                racy,
                hash,
                full,
            });
        }
        let count = r.u64().ok_or(bad)?;
        let mut outputs = Vec::new();
        for _ in 0..count {
            let path = r.str().ok_or(bad)?;
            outputs.push(Output {
                path,
                len: r.u64().ok_or(bad)?,
                mtime: r.u64().ok_or(bad)? as i64,
                ctime: r.u64().ok_or(bad)? as i64,
                ino: r.u64().ok_or(bad)?,
            });
        }
        Ok(State {
            key,
            marker,
            lo,
            hi,
            report,
            inputs,
            outputs,
            tail: Tail::Raw(r.0.to_vec()),
        })
    }
}

/// The jobs, bodies and records of a state ([`Tail`]).
fn decode_parts(bytes: &[u8]) -> Result<Parts, &'static str> {
    let mut r = Reader(bytes);
    let bad = "it is damaged (a field is out of range)";
    let count = r.u64().ok_or(bad)?;
    let mut jobs = Vec::new();
    for _ in 0..count {
        let key = r.str().ok_or(bad)?;
        let digest = r.u128().ok_or(bad)?;
        let n = r.u64().ok_or(bad)?;
        let mut files = Vec::new();
        for _ in 0..n {
            files.push(r.str().ok_or(bad)?);
        }
        jobs.push(JobRecord { key, digest, files });
    }
    let count = r.u64().ok_or(bad)?;
    let mut bodies = Vec::new();
    for _ in 0..count {
        let path = r.str().ok_or(bad)?;
        let body_hash = r.u128().ok_or(bad)?;
        let n = r.u64().ok_or(bad)?;
        let mut calls = Vec::new();
        for _ in 0..n {
            let image = match r.u8().ok_or(bad)? {
                0 => false,
                1 => true,
                _ => return Err(bad),
            };
            calls.push(Call {
                image,
                dest: r.str().ok_or(bad)?,
                alt: r.str().ok_or(bad)?,
                title: r.str().ok_or(bad)?,
            });
        }
        bodies.push(BodyRecord {
            path,
            body_hash,
            calls,
        });
    }
    let n = r.u64().ok_or(bad)?;
    let records = r.take(n).ok_or(bad)?.to_vec();
    if !r.0.is_empty() {
        return Err(bad);
    }
    Ok(Parts {
        jobs,
        bodies,
        records,
    })
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: u64) -> Option<&'a [u8]> {
        let n = usize::try_from(n).ok()?;
        if n > self.0.len() {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.u64()?;
        std::str::from_utf8(self.take(n)?).ok().map(str::to_string)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }
    fn u128(&mut self) -> Option<u128> {
        self.take(16)?.try_into().ok().map(u128::from_le_bytes)
    }
}

/// Reads the state at `path`. `Ok(None)`: there is none. `Err` says why it cannot be used.
pub fn read(path: &Path) -> Result<Option<State>, String> {
    use std::io::Read;
    let file = match crate::output::no_follow(std::fs::OpenOptions::new().read(true)).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot be read ({e})")),
    };
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot be read ({e})"))?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err("is not a state file nashra wrote".into());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot be read ({e})"))?;
    State::decode(&bytes)
        .map(Some)
        .map_err(|why| format!("cannot be used: {why}"))
}

/// Writes `state` at `path` through a new temporary file renamed over it.
pub fn write(path: &Path, state: &State) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = temp_path(path);
    // a leftover of a killed run, or anything else there (a link is removed, not followed)
    let _ = std::fs::remove_file(&tmp);
    let mut f = crate::output::no_follow(std::fs::OpenOptions::new().write(true).create_new(true))
        .open(&tmp)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut f);
    let written = state.write_to(&mut w).and_then(|()| w.flush());
    drop(w);
    let written = written.and_then(|()| f.sync_data());
    drop(f);
    match written.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp"))
}

/// Removes the state at `path` (a build that failed or changed the output another way).
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        State {
            key: 7,
            marker: 9,
            lo: i128::MIN,
            hi: 1_700_000_000_000_000_000,
            report: br#"{"files":3}"#.to_vec(),
            inputs: vec![Entry {
                path: b"content/a.md".to_vec(),
                kind: Kind::File,
                len: 10,
                mtime: 1,
                ctime: 2,
                ino: 3,
                racy: true,
                hash: Some(42),
                full: PathBuf::new(),
            }],
            outputs: vec![Output {
                path: "en/index.html".into(),
                len: 5,
                mtime: 6,
                ctime: 7,
                ino: 8,
            }],
            tail: Tail::Parts(Parts {
                jobs: vec![JobRecord {
                    key: "\0search-index ar".into(),
                    digest: 11,
                    files: vec!["ar/search/x.json".into(), "ar/search/y.json".into()],
                }],
                bodies: vec![BodyRecord {
                    path: "content/a.md".into(),
                    body_hash: 5,
                    calls: vec![Call {
                        image: true,
                        dest: "a.jpg".into(),
                        alt: "صورة".into(),
                        title: String::new(),
                    }],
                }],
                records: b"records".to_vec(),
            }),
        }
    }

    fn parts(s: &State) -> Parts {
        s.tail
            .clone()
            .into_parts()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_state_reads_back_as_written() {
        let s = sample();
        let bytes = s.encode();
        let back = State::decode(&bytes).unwrap_or_else(|e| panic!("{e}"));
        // the jobs, bodies and records are decoded only when asked for, and a state read is
        // written again as the same bytes without decoding them
        assert!(matches!(back.tail, Tail::Raw(_)));
        assert_eq!(back.encode(), bytes);
        let mut back = back;
        back.tail = Tail::Parts(parts(&back));
        assert_eq!(back, s);
    }

    /// Only nashra writes a state whose checksum matches; if its jobs still did not read, the
    /// build is told why (and builds everything) instead of reusing anything.
    #[test]
    fn jobs_that_do_not_read_are_refused_when_asked_for() {
        let mut s = sample();
        s.tail = Tail::Raw(b"not jobs".to_vec());
        let back = State::decode(&s.encode()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            back.tail.into_parts(),
            Err("it is damaged (a field is out of range)")
        );
    }

    /// A state written to a file a part at a time is the same bytes as encoded whole, also when
    /// it is bigger than a part (1 MiB) and the file is read back as the state.
    #[test]
    fn a_state_written_in_parts_reads_back() {
        let mut s = sample();
        let mut p = parts(&s);
        p.jobs = (0..40_000)
            .map(|i| JobRecord {
                key: format!("ar/2025/11/story-{i}/index.html"),
                digest: i,
                files: vec![format!("ar/2025/11/story-{i}/index.html")],
            })
            .collect();
        p.records = vec![7; 3 << 20];
        s.tail = Tail::Parts(p);
        let mut streamed = Vec::new();
        s.write_to(&mut streamed).unwrap_or_else(|e| panic!("{e}"));
        assert!(streamed.len() > 4 << 20);
        assert_eq!(streamed, s.encode());
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("build").join("x.state");
        write(&path, &s).unwrap_or_else(|e| panic!("{e}"));
        let back = read(&path)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no state"));
        assert_eq!(parts(&back), parts(&s));
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_refused() {
        let bytes = sample().encode();
        for cut in 0..bytes.len() {
            assert!(State::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x20;
            assert!(State::decode(&b).is_err(), "byte {i}");
        }
    }
}
