/**
 * Why one object takes precedence over another under the spec's tie-break (compareAge in
 * context.ts): the oldest creationTimestamp, then `{namespace}/{name}` alphabetically when the
 * timestamps are equal or absent. Messages must never call a route "older" without timestamps
 * that say so.
 */
import type { ObjectBase } from '../model/types.ts';

/** A clause for "<winner> takes precedence (<clause>)"; `winner` sorts first under compareAge. */
export function precedenceReason(winner: ObjectBase<string>, loser: ObjectBase<string>): string {
  const tw = winner.meta.creationTimestamp;
  const tl = loser.meta.creationTimestamp;
  if (tw !== undefined && tl !== undefined && tw !== tl) {
    return `it is older: creationTimestamp ${tw} before ${tl}`;
  }
  if (tw !== undefined && tl === undefined) {
    return 'it has a creationTimestamp (it exists) and the other has none (not applied yet)';
  }
  const why = tw === undefined ? 'no creationTimestamps' : 'equal creationTimestamps';
  return `${why}, so {namespace}/{name} decides and it comes first alphabetically`;
}
