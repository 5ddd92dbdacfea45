/** A group of template helpers by name; each takes its arguments and then Handlebars' options. */
export type Helpers = Record<string, (...args: never[]) => unknown>;
