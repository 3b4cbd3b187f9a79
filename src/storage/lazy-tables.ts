/**
 * Tables opened when first needed (one per quarter, say), each opened once and shared; an open that failed is tried
 * again the next time it is asked for.
 */
export function lazyTables<T>(open: (name: string) => Promise<T>): (name: string) => Promise<T> {
  const opened = new Map<string, Promise<T>>();
  return (name) => {
    let table = opened.get(name);
    if (!table) {
      table = open(name);
      table.catch(() => opened.delete(name));
      opened.set(name, table);
    }
    return table;
  };
}
