import "server-only";
import { clientForEnv } from "./client-for-env";
import { createElementClient } from "./elements-client";

/** The app's element client, aimed like getCometClient() (CometAPI or the simulator). */
export const getElementClient = clientForEnv(createElementClient);
