import { AppError } from "@/lib/errors";
import type { CometClientOptions } from "./client";
import { providerConnection } from "./connection";
import { toElementList, toElementTask } from "./elements-parse";
import {
  type CreateElementInput,
  ELEMENT_TAGS,
  type ElementClient,
  type ElementPage,
} from "./elements-types";
import { getProviderErrorDetail, isRetryableProviderError, type ProviderOperation } from "./errors";
import { stringifyWithIntegers, toElementIdInteger } from "./json-with-integers";
import { computeRetryDelay, sleep } from "./retry";
import { type ProviderAnswer, sendProviderRequest } from "./transport";

/** Kling's element routes (contract §6), under the same /kling prefix as the video calls. */
export const ELEMENT_PATHS = {
  custom: "/kling/v1/general/advanced-custom-elements",
  presets: "/kling/v1/general/advanced-presets-elements",
  delete: "/kling/v1/general/delete-elements",
} as const;

const DEFAULT_PAGE_SIZE = 30;
const DATA_URL_PREFIX = /^data:image\/[a-z0-9.+-]+;base64,/i;

/** The element half of the CometAPI adapter; same transport, errors and retries as videos. */
export function createElementClient(options: CometClientOptions): ElementClient {
  const { baseUrl, retry, secrets, transport, headers } = providerConnection(options);

  /** GETs are safe to repeat: retried with backoff on 429, 5xx and network errors. */
  async function getWithRetries(
    operation: ProviderOperation,
    url: string,
  ): Promise<ProviderAnswer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendProviderRequest(transport, {
          operation,
          method: "GET",
          url,
          headers: headers(false),
        });
      } catch (error) {
        if (attempt >= retry.attempts || !isRetryableProviderError(error)) throw error;
        const detail = getProviderErrorDetail(error);
        await sleep(computeRetryDelay(attempt - 1, retry, detail?.retryAfterMs), undefined);
      }
    }
  }

  async function listPage(
    operation: ProviderOperation,
    path: string,
    pageNum: number,
    pageSize = DEFAULT_PAGE_SIZE,
  ): Promise<ElementPage> {
    if (!Number.isInteger(pageNum) || pageNum < 1 || !Number.isInteger(pageSize) || pageSize < 1) {
      throw new AppError("invalid_input", "Pages are numbered from 1.");
    }
    const url = `${baseUrl}${path}?pageNum=${pageNum}&pageSize=${pageSize}`;
    const answer = await getWithRetries(operation, url);
    const { elements, items } = toElementList(answer.json, {
      operation,
      bodyText: answer.bodyText,
      secrets,
    });
    // A full page may be followed by another. Counted in the list's items, not in elements:
    // the account's list holds tasks, and a failed or unfinished one holds no element.
    return { elements, pageNum, mayHaveMore: items >= pageSize };
  }

  return {
    async createElement(input: CreateElementInput) {
      const body = stringifyWithIntegers(buildCreateElementBody(input));
      const answer = await sendProviderRequest(transport, {
        operation: "element_create",
        method: "POST",
        url: `${baseUrl}${ELEMENT_PATHS.custom}`,
        headers: headers(true),
        body,
      });
      return toElementTask(answer.json, {
        operation: "element_create",
        bodyText: answer.bodyText,
        secrets,
      });
    },
    async getElementTask(taskId: string) {
      if (!taskId.trim()) throw new AppError("invalid_input", "A provider task id is required.");
      const url = `${baseUrl}${ELEMENT_PATHS.custom}/${encodeURIComponent(taskId)}`;
      const answer = await getWithRetries("element_get", url);
      return toElementTask(answer.json, {
        operation: "element_get",
        fallbackTaskId: taskId,
        bodyText: answer.bodyText,
        secrets,
      });
    },
    listElements: (pageNum, pageSize) =>
      listPage("element_list", ELEMENT_PATHS.custom, pageNum, pageSize),
    listPresetElements: (pageNum, pageSize) =>
      listPage("element_list", ELEMENT_PATHS.presets, pageNum, pageSize),
    async deleteElement(elementId: string) {
      const body = stringifyWithIntegers({ element_id: toElementIdInteger(elementId) });
      await sendProviderRequest(transport, {
        operation: "element_delete",
        method: "POST",
        url: `${baseUrl}${ELEMENT_PATHS.delete}`,
        headers: headers(true),
        body,
      });
    },
  };
}

/** Contract §6 create body. Images are https links or bare base64 (no data: prefix, §9.1). */
export function buildCreateElementBody(input: CreateElementInput): Record<string, unknown> {
  const bare = (image: string) => image.replace(DATA_URL_PREFIX, "");
  return {
    element_name: input.name,
    element_description: input.description,
    reference_type: "image_refer",
    element_image_list: {
      frontal_image: bare(input.frontImage),
      refer_images: input.otherImages.map((image) => ({ image_url: bare(image) })),
    },
    tag_list: [{ tag_id: ELEMENT_TAGS[input.tag] }],
    ...(input.callbackUrl ? { callback_url: input.callbackUrl } : {}),
    external_task_id: input.externalTaskId,
  };
}
