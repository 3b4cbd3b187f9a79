import { readFileSync } from 'node:fs';

/** The Playground's browser user as declared in the config YAML. */
export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

function unquote(value: string): string {
  const v = value.replace(/\s+#.*$/, '').trim();
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/**
 * Reads `currentUser` from the Playground config YAML. The file is flat and ours, so a small line reader is enough
 * (no YAML dependency): the block starts at `currentUser:` and ends at the next unindented line.
 */
export function parseCurrentUser(yaml: string): PlaygroundUser {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^currentUser:\s*$/.test(line));
  if (start < 0) throw new Error('The Playground config has no currentUser block.');
  const fields = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) break;
    const match = /^\s+([A-Za-z]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) fields.set(match[1], unquote(match[2]));
  }
  const id = fields.get('id');
  const name = fields.get('name');
  const aadObjectId = fields.get('aadObjectId');
  if (!id || !name || !aadObjectId)
    throw new Error('The Playground config currentUser needs id, name and aadObjectId.');
  return { id, name, aadObjectId };
}

export function readCurrentUser(configPath: string): PlaygroundUser {
  return parseCurrentUser(readFileSync(configPath, 'utf8'));
}
