/**
 * Size limits for share links and bundles. Links above WARN are still produced but flagged
 * (some chat tools and trackers cut long URLs); above MAX the link is refused and the export
 * file is offered instead. The decoded cap bounds memory for hostile (zip-bomb) links.
 */
export const SHARE_LINK_WARN_CHARS = 4_000;
export const SHARE_LINK_MAX_CHARS = 100_000;
/** Decompressed JSON size cap for links and bundles. */
export const SHARE_DECODED_MAX_BYTES = 2 * 1024 * 1024;
/** Version prefix of the fragment: bump when the encoding or schema changes incompatibly. */
export const SHARE_PREFIX = 'gs1.';
/**
 * Deepest nesting a decoded share may have. Real objects are a few dozen levels deep; a hostile
 * link nested thousands of levels would overflow the stack of every recursive walk after it.
 */
export const SHARE_MAX_DEPTH = 100;
