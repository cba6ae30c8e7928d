import { MenuOption } from "@lexical/react/LexicalMenuOption";
import { localMessage } from "@/i18n/local-message";
import { referenceDescription, referenceLabel } from "@/lib/prompt/reference-list";
import type { Reference, ReferenceKind } from "@/lib/prompt/reference-types";

/** An element from the person's library that is not a reference of this prompt yet. */
export type ElementSummary = {
  elementId: string;
  name: string;
  thumbnailUrl?: string | undefined;
  description?: string | undefined;
};

/** One entry of the `@` menu: an existing reference, or a library element to add. */
export class MentionOption extends MenuOption {
  readonly label: string;
  readonly detail: string;
  readonly kind: ReferenceKind;
  readonly thumbnailUrl: string | undefined;
  readonly refId: string | undefined;
  readonly element: ElementSummary | undefined;

  constructor(init: {
    key: string;
    label: string;
    detail: string;
    kind: ReferenceKind;
    thumbnailUrl?: string | undefined;
    refId?: string;
    element?: ElementSummary;
  }) {
    super(init.key);
    this.label = init.label;
    this.detail = init.detail;
    this.kind = init.kind;
    this.thumbnailUrl = init.thumbnailUrl;
    this.refId = init.refId;
    this.element = init.element;
  }
}

/** `say` puts the names into the reader's language: the query is matched against what is shown. */
export function buildMentionOptions(
  references: readonly Reference[],
  library: readonly ElementSummary[],
  query: string | null,
  say: (message: string) => string,
): MentionOption[] {
  const options: MentionOption[] = references.map(
    (ref) =>
      new MentionOption({
        key: ref.id,
        label: say(referenceLabel(references, ref.id)),
        detail: say(referenceDescription(references, ref.id)),
        kind: ref.kind,
        thumbnailUrl: ref.thumbnailUrl,
        refId: ref.id,
      }),
  );
  const added = new Set(references.flatMap((r) => (r.kind === "element" ? [r.elementId] : [])));
  for (const element of library) {
    if (added.has(element.elementId)) continue;
    options.push(
      new MentionOption({
        key: `library-${element.elementId}`,
        label: element.name,
        detail: say(
          element.description
            ? localMessage("composer.addElementOptionWithDescription", {
                name: element.name,
                description: element.description,
              })
            : localMessage("composer.addElementOption", { name: element.name }),
        ),
        kind: "element",
        thumbnailUrl: element.thumbnailUrl,
        element,
      }),
    );
  }
  const q = (query ?? "").trim().toLowerCase();
  if (!q) return options.slice(0, 20);
  return options
    .filter((o) => o.label.toLowerCase().includes(q) || o.detail.toLowerCase().includes(q))
    .slice(0, 20);
}
