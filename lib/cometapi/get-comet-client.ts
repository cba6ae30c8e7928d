import "server-only";
import { createCometClient } from "./client";
import { clientForEnv } from "./client-for-env";

/** The app's video client, aimed at CometAPI or, in demo mode, at the built-in simulator. */
export const getCometClient = clientForEnv(createCometClient);
