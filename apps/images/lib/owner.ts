// Every image belongs to an owner. Until accounts land there is one local user; every owner read goes
// through currentOwner(), so the session's user id replaces its body and nothing else.
export function currentOwner(): string {
  return "local";
}
