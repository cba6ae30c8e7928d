"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { ElementView } from "@/lib/elements/element-schema";
import type { ElementTaskView } from "@/lib/elements/element-task-schema";

const POLL_MS = 1000;
/** Failed polls in a row before it stops asking (a signed-out page, a server gone for good). */
const MAX_FAILURES = 40;
const RUNNING = new Set(["queued", "submitting", "submitted", "processing"]);

/**
 * Element tasks as the server has them, polled from /api/element-tasks (the database, never
 * the provider) while any is running. A finished task hands its new library element to
 * `onReady` once, and drops out of the list.
 */
export function useElementTasks(version: number, onReady: (elements: ElementView[]) => void) {
  const t = useTranslations("elements");
  const tRef = useRef(t);
  tRef.current = t;
  const [tasks, setTasks] = useState<ElementTaskView[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const delivered = useRef(new Set<string>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the refresh signal
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const response = await fetch("/api/element-tasks", { cache: "no-store" });
        if (stopped) return;
        // A refused answer (a server still starting, a busy database) is asked again: giving
        // up here left a finished element out of the library until the page was reloaded.
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as {
          tasks: ElementTaskView[];
          elements: ElementView[];
        };
        if (stopped) return;
        failures = 0;
        const fresh = body.elements.filter((e) => !delivered.current.has(e.id));
        for (const element of fresh) delivered.current.add(element.id);
        if (fresh.length > 0) {
          onReadyRef.current(fresh);
          const names = fresh.map((e) => e.name).join(", ");
          setAnnouncement(tRef.current("ready", { count: fresh.length, names }));
        }
        setTasks(body.tasks);
        if (body.tasks.some((task) => RUNNING.has(task.status))) {
          timer = setTimeout(() => void poll(), POLL_MS);
        }
      } catch {
        failures += 1;
        if (!stopped && failures < MAX_FAILURES) timer = setTimeout(() => void poll(), POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [version]);

  const forget = (id: string) => setTasks((list) => list.filter((task) => task.id !== id));
  const shown = tasks.filter((task) => task.status !== "succeed");
  return { tasks: shown, announcement, forget, running: shown.some((t) => RUNNING.has(t.status)) };
}
