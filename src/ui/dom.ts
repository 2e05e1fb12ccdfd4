/**
 * A tiny element builder. Text always goes in as text (textContent), never
 * as HTML, so nothing from a file or a URL can become markup.
 */
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | undefined | null | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "value" && "value" in element) {
      (element as HTMLInputElement).value = String(value);
    } else if (name === "checked" && element instanceof HTMLInputElement) {
      element.checked = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child,
    );
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

let idCounter = 0;
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A field's value as typed, and how to find the field again in a rebuilt copy of its host. */
export interface TypedField {
  selector: string;
  value: string;
}

/**
 * What was typed or chosen in `host`'s fields (text, number and search inputs, single selects), which
 * rebuilding it would lose. Each field is found again by its name (ids may be made afresh) or else its id.
 */
export function typedFields(host: ParentNode): TypedField[] {
  return [
    ...host.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      "input[type='text'], input[type='number'], input[type='search'], select:not([multiple])",
    ),
  ]
    .filter((field) => field.name || field.id)
    .map((field) => ({
      selector: field.name ? `[name='${CSS.escape(field.name)}']` : `#${CSS.escape(field.id)}`,
      value: field.value,
    }));
}

/** Puts typed values back into a rebuilt host; a choice no longer offered stays as the rebuilt host has it. */
export function restoreTypedFields(host: ParentNode, typed: readonly TypedField[]): void {
  for (const { selector, value } of typed) {
    const field = host.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    if (!field || field.value === value) continue;
    if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === value)) continue;
    field.value = value;
  }
}
