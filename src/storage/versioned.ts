/** A stored value and the ETag it was read or written with: pass it back to write over exactly that version. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/**
 * What a conditional write did, said outright: `applied` (with the new version and what it replaced), `refused`
 * (the change declined the stored version, or `retry: false` and it changed since it was read: the card or the
 * plan was out of date; `current` is what is stored now, so the caller needs no second read), or `not-found`.
 */
export type Write<T> =
  | { readonly status: 'applied'; readonly saved: Versioned<T>; readonly previous?: Versioned<T> }
  | { readonly status: 'refused'; readonly current: Versioned<T> }
  | { readonly status: 'not-found' };

/**
 * A read-modify-write step: the next value for what is stored (undefined when nothing is stored), or undefined to
 * leave it alone. It may run more than once (a lost race re-reads and runs it again), so it must be pure.
 */
export type Change<T> = (current: T | undefined) => T | undefined;

export interface WriteOptions<T> {
  /** The version the caller just read: the first attempt writes over it without reading again. */
  readonly from?: Versioned<T>;
  /** false: write over `from` or refuse, never re-apply the change to a newer version. Default true. */
  readonly retry?: boolean;
}

/** A change to an existing document only: nothing stored means not found, never a new document. */
export function existing<T, R = T>(edit: (current: T) => R | undefined): (current: T | undefined) => R | undefined {
  return (current) => (current === undefined ? undefined : edit(current));
}

/** The value a write leaves stored: the new one, the one that was kept, or undefined. */
export function storedAfter<T>(write: Write<T>): T | undefined {
  if (write.status === 'applied') return write.saved.value;
  return write.status === 'refused' ? write.current.value : undefined;
}
