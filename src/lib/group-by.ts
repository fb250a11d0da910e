/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T, K>(list: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of list) {
    const k = key(row);
    const found = map.get(k);
    if (found) found.push(row);
    else map.set(k, [row]);
  }
  return map;
}
