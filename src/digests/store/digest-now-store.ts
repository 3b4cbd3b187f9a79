import type { Change, Versioned, Write, WriteOptions } from '../../storage/versioned.js';
import type { LastDigest } from '../domain/digest-now-limit.js';

/** The last `digest now` of a place (a channel, a person's chat) and of a person. */
export type DigestNowSubject = 'place' | 'person';

/** The last digests `digest now` put together, per place and per person (one small row each, written with ETags). */
export interface DigestNowStore {
  get(subject: DigestNowSubject, id: string): Promise<Versioned<LastDigest> | undefined>;
  write(
    subject: DigestNowSubject,
    id: string,
    change: Change<LastDigest>,
    options?: WriteOptions<LastDigest>,
  ): Promise<Write<LastDigest>>;
}
