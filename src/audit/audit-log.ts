export interface AuditEntry {
  readonly at: string;
  readonly actor: { readonly id: string; readonly name: string };
  readonly action: string;
  readonly comment?: string;
  readonly detail?: string;
}

/** Append-only trail per subject (e.g. a request id). Entries are created, never updated or deleted. */
export interface AuditLog {
  append(subject: string, entry: AuditEntry): Promise<void>;
  list(subject: string): Promise<AuditEntry[]>;
}
