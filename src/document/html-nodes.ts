/** Reading parse5's tree of a report's HTML: what the document stage marked with its classes. */
import type { DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;

export function hasClass(element: Element, name: string): boolean {
  const value = element.attrs.find((attr) => attr.name === 'class')?.value ?? '';
  return value.split(/\s+/).includes(name);
}

/** A paragraph's number element ("1.2"), as assemble.ts gave it: its first child element. */
export function paragraphNumberElement(element: Element): Element | undefined {
  const first = element.childNodes.find((child) => 'tagName' in child) as Element | undefined;
  return first && hasClass(first, 'paragraph-number') ? first : undefined;
}
