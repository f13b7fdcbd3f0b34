// Who owns which todo in the multi-tenant scenario: one user with a tenth of all todos, one with a
// hundredth, and the rest spread at random over the other users (about 89 each at 100k / 1,000), in a
// shuffled order so no owner's rows sit together in the table.
import { seededRandom } from "./seededRandom.ts";

export const BIG_OWNER = "tenant-big";
export const MEDIUM_OWNER = "tenant-medium";
export const TENANT_CLASSES = ["big", "medium", "small"] as const;
export type TenantClass = (typeof TENANT_CLASSES)[number];

export interface TenantLayout {
  todos: number;
  users: number;
  /** The owner of todo i, in insertion order. */
  owners: string[];
}

const smallOwner = (i: number) => `tenant-small-${String(i).padStart(4, "0")}`;

export function tenantLayout(todos: number, users: number, seed = 3): TenantLayout {
  const random = seededRandom(seed);
  const owners: string[] = [];
  for (let i = 0; i < Math.round(todos / 10); i++) owners.push(BIG_OWNER);
  for (let i = 0; i < Math.round(todos / 100); i++) owners.push(MEDIUM_OWNER);
  while (owners.length < todos) owners.push(smallOwner(Math.floor(random() * (users - 2))));
  for (let i = owners.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [owners[i], owners[j]] = [owners[j]!, owners[i]!];
  }
  return { todos, users, owners };
}

export const tenantClassOf = (owner: string): TenantClass =>
  owner === BIG_OWNER ? "big" : owner === MEDIUM_OWNER ? "medium" : "small";

/** Every `every`-th small owner, by name: the small users whose searches are measured. */
export function sampledSmallOwners(layout: TenantLayout, every: number): string[] {
  const names = [...new Set(layout.owners.filter((o) => tenantClassOf(o) === "small"))].sort();
  return names.filter((_, i) => i % every === 0);
}
