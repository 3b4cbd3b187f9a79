/** "1 request", "2 requests"; `many` for irregular plurals ("people"). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
