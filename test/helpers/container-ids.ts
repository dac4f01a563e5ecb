interface StackBody {
  services: { id: string; name: string; containers: { id: string; name: string }[] }[];
}

/** The ids of everything the signed-in person sees, by name: stacks, services (`stack/service`) and containers. */
export async function idsByName(baseUrl: string, cookie: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const list = (await (await fetch(`${baseUrl}/api/v1/stacks`, { headers: { cookie } })).json()) as { stacks: { id: string; name: string }[] };
  for (const stack of list.stacks) {
    ids[stack.name] = stack.id;
    const body = (await (await fetch(`${baseUrl}/api/v1/stacks/${stack.id}`, { headers: { cookie } })).json()) as StackBody;
    for (const service of body.services) {
      ids[`${stack.name}/${service.name}`] = service.id;
      for (const c of service.containers) ids[c.name] = c.id;
    }
  }
  return ids;
}
