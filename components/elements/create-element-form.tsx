"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { SelectField } from "@/components/ui/select-field";
import { localMessage } from "@/i18n/local-message";
import { useSay } from "@/i18n/use-say";
import { createElementTaskAction } from "@/lib/actions/create-element-task";
import { ELEMENT_TAG_NAMES } from "@/lib/cometapi/elements-types";
import { fieldErrorsOf } from "@/lib/elements/element-schema";
import { createElementInputSchema, type ElementTaskView } from "@/lib/elements/element-task-schema";
import { elementViewTitle } from "@/lib/elements/element-view-rules";
import { DialogFormFooter } from "./dialog-form-footer";
import { ElementForm } from "./element-form";
import { ElementTextField } from "./element-text-field";
import { useFormErrors } from "./use-form-errors";
import { useViewUploads } from "./use-view-uploads";
import { ViewPicker } from "./view-picker";

type Props = {
  onCreating: (task: ElementTaskView) => void;
  onCancel: () => void;
};

/**
 * "Create from images": Kling makes an element from a front view and 1–3 other views. The
 * request becomes a task the server follows; the library shows its progress.
 */
export function CreateElementForm({ onCreating, onCancel }: Props) {
  const t = useTranslations("elements");
  const say = useSay();
  const front = useViewUploads();
  const others = useViewUploads();
  const { errors, formError, show, refused } = useFormErrors();
  const [pending, startTransition] = useTransition();

  const onSubmit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const input = {
      name: String(data.get("name") ?? ""),
      description: String(data.get("description") ?? ""),
      tag: String(data.get("tag") ?? ""),
      frontUploadId: front.views[0]?.upload?.id ?? "",
      otherUploadIds: others.views.flatMap((v) => (v.upload ? [v.upload.id] : [])),
    };
    // The same schema the action parses again; a picture still uploading or refused stops here.
    const local = createElementInputSchema.safeParse(input);
    if (!local.success || !front.ready || !others.ready) {
      const fieldErrors = fieldErrorsOf(local.error?.issues ?? []);
      // An empty or unfinished picker says so, rather than the schema's "upload again".
      if (!front.ready) {
        const waitOrAdd = front.uploading ? "waitFrontView" : "addFrontView";
        fieldErrors.frontUploadId = [localMessage(`elementRules.${waitOrAdd}`)];
      }
      if (!others.ready) {
        const waitOrAdd = others.uploading ? "waitOtherViews" : "addOtherViews";
        fieldErrors.otherUploadIds = [localMessage(`elementRules.${waitOrAdd}`)];
      }
      show(fieldErrors, localMessage("elementRules.needsFixingCreate"));
      return;
    }
    const valid = local.data;
    startTransition(async () => {
      const result = await createElementTaskAction(valid);
      if (refused(result)) return;
      front.reset();
      others.reset();
      form.reset();
      onCreating(result.data);
    });
  };

  // Messages made here and in lib/ carry catalog keys; the action's are said on the server.
  const error = (name: string) => {
    const message = errors[name]?.[0];
    return message ? say(message) : undefined;
  };
  const text = (name: string, label: string, max: number) => (
    <ElementTextField
      id={`create-element-${name}`}
      name={name}
      label={label}
      maxLength={max}
      error={error(name)}
    />
  );

  return (
    <ElementForm onSubmit={onSubmit}>
      {text("name", t("elementName"), 20)}
      {text("description", t("description"), 100)}
      <SelectField
        id="create-element-tag"
        name="tag"
        label={t("tag")}
        options={ELEMENT_TAG_NAMES.map((tag) => ({ value: tag, label: t(`tags.${tag}`) }))}
        defaultValue="character"
        error={error("tag")}
      />
      <ViewPicker
        id="create-element-front"
        label={t("frontView")}
        hint={t("frontViewHint")}
        multiple={false}
        views={front.views}
        error={error("frontUploadId")}
        onPick={(files) => front.pick(files.slice(0, 1), () => elementViewTitle("front"))}
      />
      <ViewPicker
        id="create-element-others"
        label={t("otherViews")}
        hint={t("otherViewsHint")}
        multiple
        views={others.views}
        error={error("otherUploadIds")}
        onPick={(files) => others.pick(files, elementViewTitle)}
      />
      <DialogFormFooter
        error={formError && say(formError)}
        pending={pending}
        submitLabel={t("createElement")}
        pendingLabel={t("creating")}
        onCancel={onCancel}
      />
    </ElementForm>
  );
}
