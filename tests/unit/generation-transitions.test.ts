import { describe, expect, it } from "vitest";
import { ALLOWED_MOVES, assertMove } from "@/lib/generations/generation-change";
import { GENERATION_STATUSES, isTerminalStatus } from "@/lib/generations/status";
import { toResumed, toSubmitted } from "@/lib/generations/transitions";

describe("generation state machine", () => {
  it("lets nothing leave succeeded or canceled", () => {
    for (const to of GENERATION_STATUSES) {
      expect(() => assertMove("succeeded", to)).toThrow(/cannot move/);
      expect(() => assertMove("canceled", to)).toThrow(/cannot move/);
    }
  });

  it("never sends a queued row straight to the provider's states", () => {
    expect(() => assertMove("queued", "submitted")).toThrow(/"queued" to "submitted"/);
    expect(() => assertMove("queued", "succeeded")).toThrow();
    expect(() => assertMove("queued", "submitting")).not.toThrow();
  });

  it("allows a change that keeps the status (no status in it) from anywhere", () => {
    for (const from of GENERATION_STATUSES) expect(() => assertMove(from, undefined)).not.toThrow();
  });

  it("reaches every status from another, and only terminal ones lead nowhere", () => {
    const reached = new Set(Object.values(ALLOWED_MOVES).flat());
    const unreached = GENERATION_STATUSES.filter((status) => !reached.has(status));
    expect(unreached).toEqual([]);
    expect(GENERATION_STATUSES.filter((s) => isTerminalStatus(s) && s !== "failed")).toEqual(
      GENERATION_STATUSES.filter((s) => ALLOWED_MOVES[s].length === 0),
    );
  });

  it("follows a resumed or just-submitted task in the provider's state", () => {
    const now = new Date(0);
    expect(toResumed("succeeded", now).status).toBe("processing");
    expect(toResumed("submitted", now).status).toBe("submitted");
    expect(toSubmitted({ taskId: "1", status: "processing" }, now, now).status).toBe("processing");
    expect(toSubmitted({ taskId: "1", status: "submitted" }, now, now)).toMatchObject({
      status: "submitted",
      providerTaskId: "1",
      errorCode: null,
    });
  });
});
