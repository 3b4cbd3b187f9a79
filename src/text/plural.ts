/** "1 request", "2 requests"; `many` for irregular plurals ("1 person", "2 people"; "1 activity", "3 activities"). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
