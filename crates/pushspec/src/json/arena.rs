//! The arena that holds a parsed tree: the children of every array and object, and the
//! strings that had escapes.
//!
//! A tree is built and dropped as a whole, so its storage is a bump allocator: a container's
//! children are one `memcpy` into the current chunk, and dropping the tree frees nothing node by
//! node. Nodes are `Copy` and own nothing, so no destructor is ever skipped.

use std::cell::Cell;

/// Storage for the trees parsed into it; they borrow it and go away with it.
///
/// ```
/// use pushspec::json::{Arena, Limits, parse};
///
/// let arena = Arena::new();
/// let node = parse(br#"{"a": ["x\ny"]}"#, &arena, &Limits::default()).unwrap();
/// assert_eq!(node.get("a").unwrap().as_array().unwrap()[0].as_str(), Some("x\ny"));
/// ```
#[derive(Debug, Default)]
pub struct Arena {
    bump: bumpalo::Bump,
}

/// A growable vector in an arena.
pub(crate) type Scratch<'a, T> = bumpalo::collections::Vec<'a, T>;

/// A growable string in an arena.
pub(crate) type ScratchText<'a> = bumpalo::collections::String<'a>;

thread_local! {
    /// The arena [`Arena::with`] lends out, kept between calls so that validating payload
    /// after payload reuses one chunk instead of allocating fresh ones each time.
    static SPARE: Cell<Option<Arena>> = const { Cell::new(None) };
}

/// An arena that grew past this many bytes (a huge input) is freed rather than kept as this
/// thread's spare, so that one outlier does not pin its memory for the life of the thread.
const SPARE_MAX_BYTES: usize = 1 << 20;

impl Arena {
    /// An empty arena. It allocates nothing until the first tree is parsed into it.
    pub fn new() -> Self {
        Arena::default()
    }

    /// Runs `f` with an empty arena: this thread's spare one if it has one (calls may nest; an
    /// inner call gets a fresh arena), which is given back afterwards for the next call.
    pub fn with<R>(f: impl FnOnce(&Arena) -> R) -> R {
        let arena = SPARE.take().unwrap_or_default();
        let result = f(&arena);
        let mut arena = arena;
        if arena.bump.allocated_bytes() <= SPARE_MAX_BYTES {
            arena.bump.reset();
            SPARE.set(Some(arena));
        }
        result
    }

    /// An empty vector in the arena with room for `capacity` items: the parser's scratch,
    /// which costs no `malloc` once this thread's spare arena has grown to fit.
    pub(crate) fn scratch<T>(&self, capacity: usize) -> Scratch<'_, T> {
        Scratch::with_capacity_in(capacity, &self.bump)
    }

    /// An empty string in the arena with room for `capacity` bytes: text being decoded.
    pub(crate) fn text(&self, capacity: usize) -> ScratchText<'_> {
        ScratchText::with_capacity_in(capacity, &self.bump)
    }

    /// Copies `s` into the arena.
    pub fn alloc_str(&self, s: &str) -> &str {
        self.bump.alloc_str(s)
    }

    /// `s` in ASCII lower case: `s` itself when it has no upper-case letter, else a copy in the
    /// arena (header names are compared lower-cased, and most are written `Content-Type`).
    pub fn lowercase<'a>(&'a self, s: &'a str) -> &'a str {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return s;
        }
        let copy = self.bump.alloc_str(s);
        copy.make_ascii_lowercase();
        copy
    }

    /// Copies `items` into the arena, as one slice.
    pub fn alloc_slice<T: Copy>(&self, items: &[T]) -> &[T] {
        if items.is_empty() {
            return &[];
        }
        self.bump.alloc_slice_copy(items)
    }

    /// Moves the items of an iterator of known length into the arena, as one slice. The
    /// iterator may itself allocate in the arena (to build the children of each item).
    pub fn alloc_iter<T: Copy, I>(&self, items: I) -> &[T]
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: ExactSizeIterator,
    {
        self.bump.alloc_slice_fill_iter(items)
    }
}
