// The node entry point declares what the web build declares: the same functions and types,
// already initialised (see motcua.js beside this file).
export * from "../web/motcua.js";
export { default } from "../web/motcua.js";
