import type { DocumentTable } from '../../storage/document-table.js';
import type { Change, Versioned, WriteOptions } from '../../storage/versioned.js';
import { writeDocument } from '../../storage/write-document.js';
import type { LastDigest } from '../domain/digest-now-limit.js';
import type { DigestNowStore, DigestNowSubject } from './digest-now-store.js';

/** Azure Tables `DigestNow`: PK `place` or `person`, RK the channel or conversation id, or the person's Entra id. */
export class TableDigestNowStore implements DigestNowStore {
  constructor(private readonly table: DocumentTable<LastDigest>) {}

  get(subject: DigestNowSubject, id: string): Promise<Versioned<LastDigest> | undefined> {
    return this.table.get(subject, id);
  }

  write(subject: DigestNowSubject, id: string, change: Change<LastDigest>, options?: WriteOptions<LastDigest>) {
    return writeDocument(this.table, subject, id, change, options);
  }
}
