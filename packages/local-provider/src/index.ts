// @switchyard/local-provider: an OpenAI/OpenRouter-compatible server for offline work and fault
// injection. Several named endpoints share one port, each with its own faults and credit.
import type { AddressInfo } from "node:net";
import type { ProviderControl } from "./controlApi.ts";
import { type ProviderProfiles, resolveProfiles } from "./providerProfiles.ts";
import { createProviderServer } from "./providerServer.ts";

export type { ProviderControl } from "./controlApi.ts";
export { embedTexts, LOCAL_EMBEDDING_DIMENSIONS, LOCAL_EMBEDDING_MODEL } from "./embedder.ts";
export type { ErrorStatus, FaultProfile, FaultProfileInput, Throttle } from "./faultProfile.ts";
export { localProviderEnv, type ProviderEnv } from "./providerEnv.ts";
export type { ProviderErrorCode } from "./providerError.ts";
export type { EndpointSpec, ModelSpec, ProviderProfiles } from "./providerProfiles.ts";
export { defaultProfilesPath, resolveProfiles } from "./providerProfiles.ts";
export type { RequestLogEntry, RequestLogFilter } from "./requestLog.ts";
export type { ScriptedResponse } from "./scriptedResponses.ts";
export { SIMULATION_MARKER } from "./simulatedChat.ts";

export interface LocalProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** A profile object or the path of a JSON profile file; defaults to profiles/default.json. */
  profiles?: ProviderProfiles | string;
}

export interface LocalProvider {
  /** http://127.0.0.1:PORT — bare /v1 goes to the `default` endpoint, /<name>/v1 to the others. */
  url: string;
  port: number;
  close(): Promise<void>;
  control: ProviderControl;
}

export async function startLocalProvider(opts: LocalProviderOptions = {}): Promise<LocalProvider> {
  const profiles = resolveProfiles(opts.profiles);
  const host = opts.host ?? "127.0.0.1";
  const { server, control } = createProviderServer(profiles);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        // Hung streams (stallMs: Infinity) would otherwise keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
