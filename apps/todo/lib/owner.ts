// Every todo belongs to an owner. Until auth lands there is one local user; this is the only place
// that knows it, so swapping in a session's user id is a one-line change.
export const LOCAL_OWNER = "local-user";

export function currentOwner(): string {
  return LOCAL_OWNER;
}
