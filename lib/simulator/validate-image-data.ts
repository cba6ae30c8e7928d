import { readImageHeader } from "@/lib/media/image-header";
import { BodyError, isHttpUrl } from "./validate-lists";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MIN_SIDE_PX = 300;
const MAX_ASPECT = 2.5;
/** Standard base64, no whitespace, no data: prefix (contract §9, pitfall 1). */
const BARE_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * An `image_url` is a public http(s) link or the picture itself as bare base64 (§2.1), and
 * a picture must be JPEG or PNG, at most 10 MB, at least 300 px a side and between 1:2.5 and
 * 2.5:1 (§2.2). Base64 is checked here from its header alone; a link is the provider's to
 * fetch and is only checked for its form.
 */
export function checkImageUrl(value: string, where: string): void {
  if (isHttpUrl(value)) return;
  if (/^data:/i.test(value)) {
    throw new BodyError(`${where} must be bare base64, without a data: prefix`);
  }
  if (value.length % 4 !== 0 || !BARE_BASE64.test(value)) {
    throw new BodyError(`${where} must be an http(s) URL or bare base64`);
  }
  if ((value.length / 4) * 3 > MAX_IMAGE_BYTES + 2) {
    throw new BodyError(`${where} is larger than 10 MB`);
  }
  const header = readImageHeader(Buffer.from(value, "base64"));
  if (!header) throw new BodyError(`${where} is not a complete JPEG or PNG image`);
  const { width, height } = header;
  if (Math.min(width, height) < MIN_SIDE_PX) {
    throw new BodyError(`${where} is ${width}x${height}; each side must be at least 300 px`);
  }
  if (Math.max(width / height, height / width) > MAX_ASPECT) {
    throw new BodyError(`${where} is ${width}x${height}; the aspect ratio must be 1:2.5 to 2.5:1`);
  }
}
