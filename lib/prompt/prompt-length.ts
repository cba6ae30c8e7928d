/**
 * The prompt's length as the provider counts it: Unicode code points. JavaScript's
 * `.length` counts UTF-16 units, so an emoji or a rare CJK character would count twice and
 * a prompt the provider takes would be refused here. Browser counter and server rule both
 * use this.
 */
export function promptLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
