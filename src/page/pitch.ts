/**
 * A length of the style (a CSS variable of the root, such as `--pitch`, in
 * any unit) in CSS pixels: the height of a probe element given that length.
 */
export function rootLength(name: string): number {
  const probe = document.createElement('div');
  probe.style.height = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  document.body.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height;
}

/** The line pitch (the root's `--pitch`) in CSS pixels. */
export const linePitch = (): number => rootLength('--pitch');
