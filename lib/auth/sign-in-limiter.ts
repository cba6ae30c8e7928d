import "server-only";
import { SlidingWindowLimiter } from "@/lib/security/rate-limiter";

/** Five wrong guesses a minute per address; a success does not reset it, on purpose. */
export const signInLimiter = new SlidingWindowLimiter({ limit: 5, windowMs: 60_000 });
