export * from "./parse-prompt-text";
export * from "./prompt-tokens";
export * from "./reference-list";
export * from "./reference-types";
export * from "./serialize-prompt";
