// The examples of a Markdown file (bindings-wasm/README.md, docs/web.md), for the tests that run
// them: each fenced block in a language, with the ```text block that follows it, if any, as what
// it must print.

/** The fenced code blocks of `markdown`, in order, as `{ lang, code }`. */
export function fences(markdown) {
  return [...markdown.matchAll(/^```([\w-]*)\n([\s\S]*?)^```$/gm)].map(([, lang, code]) => ({ lang, code }));
}

/**
 * The blocks of `markdown` in `lang`, as `{ code, expected }`: `expected` is the text of the
 * ```text block right after it (its output), or null when the next block is not one.
 */
export function examples(markdown, lang) {
  const blocks = fences(markdown);
  return blocks.flatMap((block, i) =>
    block.lang === lang ? [{ code: block.code, expected: blocks[i + 1]?.lang === "text" ? blocks[i + 1].code : null }] : [],
  );
}
